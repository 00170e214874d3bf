// The works the catalogs cite, in full. A record's `citation` stays the short form a table shows
// ("Patterson et al. 2021", "Sustainable AI chapter, Table 6"); `resolveCitation` reads it into the work
// it names, where in that work (the locator), and a work the citation says the value came from through it.
// A reference lists what could be confirmed and no more: where a part (the authors, a title) could not be
// found, `incomplete` says which, rather than a guess standing in for it. The chapter gives no URL or DOI
// for any work it cites, so none is given here: an address is added only with a source that states it.
import { deepFrozen } from "./frozen.ts";

export interface Reference {
  /** Stable key; a page anchors the work's entry as `cite-<id>`. */
  readonly id: string;
  /** How tables cite it: "Patterson et al. 2021". */
  readonly short: string;
  /** Authors as they sign, or the organization that publishes it; absent where the work names none. */
  readonly authors?: string;
  readonly title: string;
  readonly year: number;
  /** Journal, proceedings, publisher, report series or site. */
  readonly publishedIn?: string;
  /** Only where the citing text gives it (the chapter gives none): never looked up or guessed. */
  readonly doi?: string;
  /** As `doi`: an address the citing text states. */
  readonly url?: string;
  /** What the work is, where its title does not say (not a publication, a datasheet, …). */
  readonly note?: string;
  /** Present when the full reference could not be found: which parts are missing. */
  readonly incomplete?: string;
}

const reference = (fields: Reference): Reference => fields;

/** Every work a kernel record cites, by id. */
export const references = deepFrozen({
  chapter: reference({
    id: "chapter",
    short: "Sustainable AI chapter",
    title: "Sustainable AI (The Energy Ceiling)",
    year: 2026,
    note: "The textbook chapter this workbook reproduces; records citing it name the box, table or footnote the value is printed in.",
    incomplete: "the copy of the chapter the project holds names neither its authors, its book nor its publisher",
  }),
  patterson2021: reference({
    id: "patterson2021",
    short: "Patterson et al. 2021",
    authors: "David Patterson, Joseph Gonzalez, Quoc Le, Chen Liang, Lluis-Miquel Munguia, Daniel Rothchild, David So, Maud Texier, Jeff Dean",
    title: "Carbon Emissions and Large Neural Network Training",
    year: 2021,
    publishedIn: "arXiv preprint",
  }),
  brown2020: reference({
    id: "brown2020",
    short: "Brown et al. 2020",
    authors: "Tom B. Brown, Benjamin Mann, Nick Ryder, Melanie Subbiah, et al.",
    title: "Language Models are Few-Shot Learners",
    year: 2020,
    publishedIn: "Advances in Neural Information Processing Systems 33 (NeurIPS 2020)",
  }),
  schwartz2020: reference({
    id: "schwartz2020",
    short: "Schwartz et al. 2020",
    authors: "Roy Schwartz, Jesse Dodge, Noah A. Smith, Oren Etzioni",
    title: "Green AI",
    year: 2020,
    publishedIn: "Communications of the ACM 63(12), 54–63",
  }),
  strubell2019: reference({
    id: "strubell2019",
    short: "Strubell et al. 2019",
    authors: "Emma Strubell, Ananya Ganesh, Andrew McCallum",
    title: "Energy and Policy Considerations for Deep Learning in NLP",
    year: 2019,
    publishedIn: "Proceedings of the 57th Annual Meeting of the Association for Computational Linguistics (ACL 2019), 3645–3650",
  }),
  luccioni2023: reference({
    id: "luccioni2023",
    short: "Luccioni et al. 2023",
    authors: "Alexandra Sasha Luccioni, Sylvain Viguier, Anne-Laure Ligozat",
    title: "Estimating the Carbon Footprint of BLOOM, a 176B Parameter Language Model",
    year: 2023,
    publishedIn: "Journal of Machine Learning Research 24(253), 1–15",
  }),
  moore1965: reference({
    id: "moore1965",
    short: "Moore 1965",
    authors: "Gordon E. Moore",
    title: "Cramming more components onto integrated circuits",
    year: 1965,
    publishedIn: "Electronics 38(8), 114–117",
  }),
  forti2020: reference({
    id: "forti2020",
    short: "Forti et al. 2020",
    authors: "Vanessa Forti, Cornelis Peter Baldé, Ruediger Kuehr, Garam Bel",
    title: "The Global E-waste Monitor 2020: Quantities, flows and the circular economy potential",
    year: 2020,
    publishedIn:
      "United Nations University (UNU)/United Nations Institute for Training and Research (UNITAR) co-hosted SCYCLE Programme, International Telecommunication Union (ITU) and International Solid Waste Association (ISWA), Bonn/Geneva/Rotterdam",
  }),
  singhOgunseitan2022: reference({
    id: "singhOgunseitan2022",
    short: "Singh and Ogunseitan 2022",
    authors: "Singh and Ogunseitan",
    title: "Title not found (the chapter cites it for the 17.4 % of e-waste documented as collected and recycled)",
    year: 2022,
    incomplete: "only the chapter's short citation is known: the authors' full names, the title and the journal could not be confirmed",
  }),
  statista2022: reference({
    id: "statista2022",
    short: "Statista 2022",
    authors: "Statista",
    title: "Number of Internet of Things (IoT) connected devices worldwide, 2019 to 2030 (statistic as the chapter cites it)",
    year: 2022,
    incomplete: "the statistic's exact title could not be confirmed",
  }),
  iea2025: reference({
    id: "iea2025",
    short: "IEA 2025",
    authors: "International Energy Agency (IEA)",
    title: "Energy and AI",
    year: 2025,
    publishedIn: "IEA, Paris",
  }),
  lbnl2024: reference({
    id: "lbnl2024",
    short: "LBNL 2024",
    authors: "Arman Shehabi, Sarah J. Smith, Alex Hubbard, Alex Newkirk, Nuoa Lei, Md Abu Bakar Siddik, Billie Holecek, Jonathan Koomey, Eric Masanet, Dale Sartor",
    title: "2024 United States Data Center Energy Usage Report",
    year: 2024,
    publishedIn: "Lawrence Berkeley National Laboratory, Berkeley, California",
  }),
  touvron2023: reference({
    id: "touvron2023",
    short: "Touvron et al. 2023",
    authors: "Hugo Touvron, Louis Martin, Kevin Stone, Peter Albert, Amjad Almahairi, et al.",
    title: "Llama 2: Open Foundation and Fine-Tuned Chat Models",
    year: 2023,
    publishedIn: "arXiv preprint",
  }),
  radovanovic2021: reference({
    id: "radovanovic2021",
    short: "Radovanovic et al. 2021",
    authors: "Ana Radovanovic, Ross Koningstein, Ian Schneider, Bokan Chen, Alexandre Duarte, et al.",
    title: "Carbon-Aware Computing for Datacenters",
    year: 2021,
    publishedIn: "arXiv preprint",
  }),
  uptime2022: reference({
    id: "uptime2022",
    short: "Uptime Institute 2022",
    authors: "Uptime Institute",
    title: "Uptime Institute Global Data Center Survey 2022",
    year: 2022,
  }),
  greenGrid2007: reference({
    id: "greenGrid2007",
    short: "The Green Grid 2007",
    authors: "The Green Grid",
    title: "Green Grid Metrics: Describing Data Center Power Efficiency",
    year: 2007,
    publishedIn: "The Green Grid, Technical Committee white paper, February 2007",
  }),
  reuters2024: reference({
    id: "reuters2024",
    short: "Reuters 2024",
    authors: "Reuters",
    title: "Report on the projected water use of TSMC's fab in Arizona (title not found)",
    year: 2024,
    incomplete: "only the chapter's short citation is known: the article's headline, author and date could not be found",
  }),
  ghgProtocol2023: reference({
    id: "ghgProtocol2023",
    short: "GHG Protocol 2023",
    authors: "Greenhouse Gas Protocol (the chapter's citation reads 'Institute and Sustainable Development 2023')",
    title: "GHG Protocol scope definitions, as the chapter cites them (document not identified)",
    year: 2023,
    note: "The GHG Protocol is convened by the World Resources Institute and the World Business Council for Sustainable Development, which the chapter's citation appears to abbreviate.",
    incomplete: "which 2023 GHG Protocol document the chapter cites could not be determined, so no title is given",
  }),
  nvidiaH100Datasheet: reference({
    id: "nvidiaH100Datasheet",
    short: "NVIDIA H100 datasheet",
    authors: "NVIDIA Corporation",
    title: "NVIDIA H100 Tensor Core GPU datasheet",
    year: 2022,
  }),
  nvidiaA100Datasheet: reference({
    id: "nvidiaA100Datasheet",
    short: "NVIDIA A100 datasheet",
    authors: "NVIDIA Corporation",
    title: "NVIDIA A100 Tensor Core GPU datasheet",
    year: 2020,
  }),
  nvidiaV100Datasheet: reference({
    id: "nvidiaV100Datasheet",
    short: "NVIDIA V100 datasheet",
    authors: "NVIDIA Corporation",
    title: "NVIDIA Tesla V100 GPU accelerator datasheet",
    year: 2017,
  }),
  nvidiaHgxH100Footprint: reference({
    id: "nvidiaHgxH100Footprint",
    short: "NVIDIA Corporation 2025",
    authors: "NVIDIA Corporation",
    title: "Product carbon footprint of the NVIDIA HGX H100 (title as the chapter describes it)",
    year: 2025,
    incomplete: "the summary's exact title could not be confirmed",
  }),
  googleTpuV4: reference({
    id: "googleTpuV4",
    short: "Google Cloud TPU v4 documentation",
    authors: "Google Cloud",
    title: "TPU v4",
    year: 2023,
    publishedIn: "Cloud TPU documentation",
  }),
  wattbook: reference({
    id: "wattbook",
    short: "wattbook (illustrative)",
    authors: "wattbook",
    title: "Illustrative values chosen for this workbook",
    year: 2026,
    note: "Not a publication: values the chapter does not give, chosen so that its examples can be worked. Each record's note says what it stands for, and the notebooks let the reader change it.",
  }),
  standardValue: reference({
    id: "standardValue",
    short: "Standard value",
    authors: "Standard physical value",
    title: "A textbook physical constant the chapter does not state",
    year: 2026,
    note: "Not a publication: the record's note says what it is and why the workbook needs it.",
  }),
} as const satisfies Record<string, Reference>);

export type ReferenceId = keyof typeof references;

/** Short citations as the catalogs write them → the work each names. */
const CITED_AS: Readonly<Record<string, ReferenceId>> = {
  "Patterson et al. 2021": "patterson2021",
  "Brown et al. 2020": "brown2020",
  "Schwartz et al. 2020": "schwartz2020",
  "Strubell et al. 2019": "strubell2019",
  "Luccioni et al. 2023": "luccioni2023",
  "Moore 1965": "moore1965",
  "Forti et al. 2020": "forti2020",
  "Singh and Ogunseitan 2022": "singhOgunseitan2022",
  "Statista 2022": "statista2022",
  "IEA 2025": "iea2025",
  LBNL: "lbnl2024",
  "LBNL 2024": "lbnl2024",
  "Touvron et al. 2023": "touvron2023",
  "Touvron et al. 2023 (Llama 2)": "touvron2023",
  "Radovanovic et al. 2021": "radovanovic2021",
  "Uptime Institute 2022": "uptime2022",
  "The Green Grid 2007": "greenGrid2007",
  "Reuters 2024": "reuters2024",
  "GHG Protocol, Institute and Sustainable Development 2023": "ghgProtocol2023",
  "NVIDIA H100 datasheet": "nvidiaH100Datasheet",
  "NVIDIA A100 datasheet": "nvidiaA100Datasheet",
  "NVIDIA V100 datasheet": "nvidiaV100Datasheet",
  "NVIDIA Corporation 2025": "nvidiaHgxH100Footprint",
  "Google Cloud TPU v4 documentation": "googleTpuV4",
  "Illustrative (wattbook)": "wattbook",
  "wattbook assumption": "wattbook",
  "wattbook illustration of the Sustainable AI chapter's equation 16": "wattbook",
  "standard value": "standardValue",
};

const CHAPTER_PREFIX = "Sustainable AI chapter";

/** What a short citation names: the work, where in it, and a work it cites for the value. */
export interface ResolvedCitation {
  readonly reference: Reference;
  /** Where in the work: "Table 6", "footnote 39". */
  readonly locator?: string;
  /** The work the citation says the value comes from through `reference` ("footnote 39 (Radovanovic et al. 2021)"). */
  readonly cites?: Reference;
}

/**
 * Reads a short citation: a whole short form ("Patterson et al. 2021"), or the chapter followed by where in
 * it ("Sustainable AI chapter, footnote 39 (Radovanovic et al. 2021)": the chapter, at footnote 39, citing
 * Radovanovic et al.). A citation it does not know gives undefined; nothing is guessed.
 */
export function resolveCitation(citation: string): ResolvedCitation | undefined {
  const whole = CITED_AS[citation];
  if (whole) return { reference: references[whole] };
  if (citation === CHAPTER_PREFIX) return { reference: references.chapter };
  if (!citation.startsWith(`${CHAPTER_PREFIX}, `)) return undefined;
  const locator = citation.slice(CHAPTER_PREFIX.length + 2);
  const parenthesis = /^(.*\S)\s+\(([^()]+)\)$/.exec(locator);
  const cited = parenthesis ? CITED_AS[parenthesis[2]!] : undefined;
  return cited
    ? { reference: references.chapter, locator: parenthesis![1]!, cites: references[cited] }
    : { reference: references.chapter, locator };
}
deepFrozen(resolveCitation);

// The files `wattbook init` writes, as text: a site that builds and checks as it is. The example notebook
// shows what a notebook does in a few cells: an input, the kernel, a CSV file it attaches, a table, a
// numbered figure, inline values and a TypeScript cell. Pure.

export interface ScaffoldOptions {
  /** The site's title, in the configuration and the home page. */
  readonly title: string;
  /** The configuration's file name (wattbook.config.js, or .mjs in a package that is not "type": "module"). */
  readonly configName: string;
}

/** Each file of the scaffold by its path in the project (forward slashes), in the order they are reported. */
export function scaffoldFiles({ title, configName }: ScaffoldOptions): ReadonlyMap<string, string> {
  return new Map([
    [configName, configFile(title)],
    ["notebooks/index.md", indexNotebook(title)],
    ["notebooks/example.md", EXAMPLE_NOTEBOOK],
    ["notebooks/data/grids.csv", GRIDS_CSV],
    ["notebooks/404.md", NOT_FOUND_NOTEBOOK],
    [".gitignore", GITIGNORE],
    [".github/workflows/deploy.yml", DEPLOY_WORKFLOW],
  ]);
}

/** What each scaffolded file is, for init's report. */
export const ABOUT_FILES: Readonly<Record<string, string>> = {
  "notebooks/index.md": "the home page",
  "notebooks/example.md": "an example: an input, the kernel, a CSV file and a figure",
  "notebooks/data/grids.csv": "the example's data",
  "notebooks/404.md": "the page a host shows for a missing address (404.html, at any depth; listed nowhere)",
  ".gitignore": "leaves out node_modules, the built site and the caches",
  ".github/workflows/deploy.yml": "builds and publishes the site on GitHub Pages on every push to main",
};

const NOT_FOUND_NOTEBOOK = `---
title: Page not found
toc: false
---

# Page not found

There is no page at this address. Try the search box, the list of pages, or the
[home page](index.html).
`;

/** A folder's name as a title: "energy-notes" → "Energy notes". */
export function titleOf(folderName: string): string {
  const words = folderName.replace(/[-_.\s]+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : "My notebooks";
}

function configFile(title: string): string {
  return `// The site's configuration; every key is optional. wattbook build, check and preview read it, and a
// flag on the command line wins over it (wattbook build --out public).
export default {
  // The site's name, in every page's header and <title>.
  title: ${JSON.stringify(title)},

  // Where the notebooks are, and where \`wattbook build\` writes the site.
  root: "notebooks",
  output: "build",

  // The sidebar's pages in order, and sections of them; notebooks not listed follow.
  // pages: ["index.md", {name: "Examples", pages: ["example.md"]}],

  // Edit links and edit pages on every page with cells (false publishes read pages only), and each
  // page's table of contents (a page's front matter \`toc: false\` turns its own off).
  editing: true,
  toc: true,

  // What a type error in a \`\`\`ts cell does: "error" fails the build, "warn" prints it, "off" skips checking.
  typecheck: "error",
};
`;
}

function indexNotebook(title: string): string {
  return `---
title: ${JSON.stringify(title)}
description: Notebooks that compute as you read.
---

# ${title.replace(/[\\`*_[\]<>#]/g, "\\$&")}

These pages are notebooks: Markdown with JavaScript and TypeScript cells. Every value on them was
computed when the site was built, so they read and print without JavaScript; in a browser they come
alive, and moving an input recomputes everything that depends on it.

Start with [the example](example.html): an input, the calculation kernel, a CSV file and a figure.
Every cell has an **Edit** link: change the code and see what follows.

To add a page, write a \`.md\` file in \`notebooks/\`; \`npm run dev\` shows it as you save.
`;
}

const EXAMPLE_NOTEBOOK = `---
title: A training run's footprint
description: An input, the kernel, an attached CSV file and a figure; move the sliders and every number follows.
order: 1
---

# A training run's footprint

How much energy does a training run draw, and how much CO₂e does that energy emit on different
grids? Move the sliders: every number, the table and the figure below follow them.

\`\`\`js
const gpus = view(Inputs.range([8, 4096], {value: 512, step: 8, label: "GPUs"}));
const days = view(Inputs.range([1, 90], {value: 14, step: 1, label: "Days"}));
\`\`\`

The kernel does the arithmetic, and its constants are sourced records: an H100 draws
\${accelerators.h100.watts.value} W (\${accelerators.h100.watts.citation}).

\`\`\`js
import {accelerators, clusterEnergy, operationalCarbon} from "wattbook/kernel";

// The facility's overhead (cooling, power delivery): an assumption of this example.
const pue = 1.2;
const run = clusterEnergy({devices: gpus, watts: accelerators.h100.watts.value, hours: days * 24, pue});
\`\`\`

\${gpus} GPUs for \${days} days draw \${(run.facilityKWh / 1000).toFixed(1)} MWh at the facility meter.

## On four grids

The grids' carbon intensities come from a CSV file beside this notebook, \`data/grids.csv\`. The page
attaches it: the build reads it from disk, and the site publishes it with the page.

\`\`\`js
const grids = await FileAttachment("data/grids.csv").csv({typed: true});
\`\`\`

\`\`\`ts
interface Footprint {
  region: string;
  gridGPerKWh: number;
  tCO2e: number;
}

const footprints: Footprint[] = grids.map((grid) => ({
  region: grid.region,
  gridGPerKWh: grid.gCO2ePerKWh,
  tCO2e: operationalCarbon({energyKWh: run.facilityKWh, gridGPerKWh: grid.gCO2ePerKWh}).tCO2e,
}));
\`\`\`

\`\`\`js {#tbl-footprints caption="The run on each grid: the grid's intensity (g CO₂e per kWh) and the run's emissions (t CO₂e)"}
footprints
\`\`\`

\`\`\`js {#fig-footprints caption="The run's emissions on each grid"}
Plot.plot({
  marginLeft: 80,
  x: {label: "t CO₂e", grid: true},
  y: {label: null},
  marks: [
    Plot.barX(footprints, {x: "tCO2e", y: "region", sort: {y: "x"}, fill: "steelblue"}),
    Plot.ruleX([0]),
  ],
})
\`\`\`

\`\`\`js
const cleanest = footprints.reduce((a, b) => (a.tCO2e < b.tCO2e ? a : b));
const dirtiest = footprints.reduce((a, b) => (a.tCO2e > b.tCO2e ? a : b));
\`\`\`

The same run emits \${cleanest.tCO2e.toFixed(1)} t CO₂e in \${cleanest.region} and
\${dirtiest.tCO2e.toFixed(1)} t in \${dirtiest.region}, \${(dirtiest.tCO2e / cleanest.tCO2e).toFixed(0)} times
as much (@tbl-footprints, @fig-footprints).
`;

/** Grid intensities from the kernel's catalog (src/kernel/catalogs/grids.ts), with its sources. */
const GRIDS_CSV = `region,gCO2ePerKWh,source
Quebec,20,"Sustainable AI chapter, Napkin Math 1.3"
France,50,"Sustainable AI chapter, Carbon-aware scheduling"
US average,429,Patterson et al. 2021
Poland,820,"Sustainable AI chapter, Napkin Math 1.3"
`;

const GITIGNORE = `# Dependencies, the built site, and wattbook's caches
node_modules/
/build/
.wattbook/
.wattbook-cache/
`;

/**
 * Builds on every push to main and publishes with GitHub's Pages actions (the repository's Settings →
 * Pages → Source: GitHub Actions). The build cache is restored after npm ci (which empties
 * node_modules), so a push rebuilds only the notebooks that changed.
 */
const DEPLOY_WORKFLOW = `# Builds the site and publishes it on GitHub Pages on every push to main.
# Once, in the repository: Settings → Pages → Build and deployment → Source: GitHub Actions.
name: Deploy

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - run: npm ci
      # wattbook's build cache: notebooks unchanged since the last build are not evaluated again.
      - uses: actions/cache@v4
        with:
          path: node_modules/.cache/wattbook
          key: wattbook-\${{ github.sha }}
          restore-keys: wattbook-
      - run: npx wattbook build
      - uses: actions/upload-pages-artifact@v3
        with:
          path: build

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`;

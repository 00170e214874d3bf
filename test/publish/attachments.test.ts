// A team's own data in its notebooks: FileAttachment names resolved like the page resolves them
// (notebook/attachment-path.ts), every kind of read at build, files published content-hashed with the
// page's table of them, each missing thing an error at the call naming it, data loaders (JavaScript and
// TypeScript) run once and cached by their content and their imports, and the build cache following the
// data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { attachmentPath } from "../../src/notebook/attachment-path.ts";
import { analyzeText } from "../helpers/compiler.ts";
import { runCli } from "../helpers/cli.ts";

const fence = "```";

describe("attachmentPath: a FileAttachment name, as the build and the page both resolve it", () => {
  it("resolves relative to the notebook, or from the root with a leading slash", () => {
    expect(attachmentPath("energy.md", "data/usage.csv")).toEqual({ path: "data/usage.csv" });
    expect(attachmentPath("chapters/energy.md", "./usage.csv")).toEqual({ path: "chapters/usage.csv" });
    expect(attachmentPath("chapters/energy.md", "../data/usage.csv")).toEqual({ path: "data/usage.csv" });
    expect(attachmentPath("chapters/deep/energy.md", "/data//usage.csv")).toEqual({ path: "data/usage.csv" });
  });

  it("refuses what is no file of the root: a path out of it, a URL, a folder", () => {
    expect(attachmentPath("energy.md", "../secrets.txt")).toEqual({ problem: "outside" });
    expect(attachmentPath("a/energy.md", "../../x.csv")).toEqual({ problem: "outside" });
    expect(attachmentPath("energy.md", "https://example.org/x.csv")).toEqual({ problem: "url" });
    expect(attachmentPath("energy.md", "//cdn/x.csv")).toEqual({ problem: "url" });
    expect(attachmentPath("energy.md", "data/")).toEqual({ problem: "folder" });
    expect(attachmentPath("a/energy.md", "..")).toEqual({ problem: "folder" });
  });
});

describe("the compiler finds each FileAttachment call", () => {
  it("records the names given as literals, with where each call is", () => {
    const notebook = analyzeText(`# T\n\n${fence}js\nconst a = FileAttachment("a.csv");\nconst b = FileAttachment(\`b.json\`);\n${fence}\n`, "t.md");
    expect(notebook.cells[0]!.attachments).toEqual([
      { name: "a.csv", position: { line: 4, column: 11 } },
      { name: "b.json", position: { line: 5, column: 11 } },
    ]);
  });

  it("refuses a name the build cannot see, and a cell that defines FileAttachment itself", () => {
    expect(() => analyzeText(`# T\n\n${fence}js\nconst name = "a.csv";\nconst a = FileAttachment(name);\n${fence}\n`, "t.md")).toThrow(/t\.md:5:11: FileAttachment needs its file's name as a string literal/);
    expect(() => analyzeText(`# T\n\n${fence}js\nconst a = FileAttachment(\`\${"a"}.csv\`);\n${fence}\n`, "t.md")).toThrow(/string literal/);
    expect(() => analyzeText(`# T\n\n${fence}js\nconst a = FileAttachment("");\n${fence}\n`, "t.md")).toThrow(/empty name/);
    expect(() => analyzeText(`# T\n\n${fence}js\nfunction FileAttachment() {}\n${fence}\n`, "t.md")).toThrow(/FileAttachment is built in/);
  });

  it("leaves alone a local function that happens to be called FileAttachment", () => {
    const notebook = analyzeText(`# T\n\n${fence}js\nconst read = (FileAttachment) => FileAttachment(1);\n${fence}\n`, "t.md");
    expect(notebook.cells[0]!.attachments).toBeUndefined();
  });
});

describe("wattbook build with attached files and data loaders", () => {
  let dir: string;
  const notebooks = () => path.join(dir, "notebooks");
  const write = async (file: string, text: string | Uint8Array) => {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  };
  const build = (...args: string[]) => runCli(["build", ...args], { cwd: dir });
  const page = (file: string) => readFileSync(path.join(dir, "build", file), "utf8");
  /** The text of each inline value of a built page, in order. */
  const inlineValues = (html: string) => [...html.matchAll(/<span class="wb-inline" data-cell="[^"]+">(.*?)<\/span><\/span>|<span class="wb-inline" data-cell="[^"]+"><\/span>/g)].map((m) => (m[1] ?? "").replace(/<[^>]+>/g, ""));
  /** The page's table of attached files. */
  const tableOf = (html: string) => JSON.parse(/<script type="application\/json" id="wb-files">(.*?)<\/script>/.exec(html)?.[1] ?? "null") as Record<string, { url: string; mimeType: string; sizeBytes: number }> | null;
  // A 1×1 PNG.
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "wattbook-files-"));
    await write("notebooks/data/usage.csv", "region,kwh,day\nnorth,12.5,2024-01-01\nsouth,7,2024-02-01\n");
    await write("notebooks/data/usage.tsv", "region\tkwh\nwest\t3\n");
    await write("notebooks/data/regions.json", JSON.stringify({ regions: ["north", "south"], factor: 0.4 }));
    await write("notebooks/data/note.txt", "grid notes\n");
    await write("notebooks/data/pixel.png", png);
    await write(
      "notebooks/chapters/usage.md",
      [
        "# Usage",
        "",
        `${fence}js`,
        'const usage = await FileAttachment("../data/usage.csv").csv({typed: true});',
        'const raw = await FileAttachment("../data/usage.csv").csv();',
        'const rows = await FileAttachment("../data/usage.csv").csv({array: true});',
        'const west = await FileAttachment("/data/usage.tsv").tsv({typed: true});',
        'const regions = await FileAttachment("/data/regions.json").json();',
        'const note = await FileAttachment("../data/note.txt").text();',
        'const bytes = (await FileAttachment("../data/pixel.png").arrayBuffer()).byteLength;',
        'const blobBytes = (await FileAttachment("../data/pixel.png").blob()).size;',
        'const href = await FileAttachment("../data/usage.csv").url();',
        fence,
        "",
        "Total ${usage.reduce((sum, row) => sum + row.kwh, 0)} kWh; typed ${typeof usage[0].kwh} ${usage[0].day instanceof Date}; raw ${typeof raw[0].kwh}; columns ${usage.columns.join('+')}; header row ${rows[0].join('+')}; west ${west[0].kwh * 2}; ${regions.regions.length} regions at ${regions.factor}; note ${note.trim()}; png ${bytes} bytes, blob ${blobBytes}; ${href}.",
        "",
        `${fence}js`,
        'FileAttachment("../data/pixel.png").image({alt: "one pixel", width: 10})',
        fence,
        "",
      ].join("\n"),
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads every kind of file at build with the bytes it publishes, and the page gets their table", async () => {
    const result = await build();
    expect(result.code, result.stderr).toBe(0);
    const html = page("chapters/usage.html");
    expect(inlineValues(html)).toEqual([
      "19.5",
      "number",
      "true",
      "string",
      "region+kwh+day",
      "region+kwh+day",
      "6",
      "2",
      "0.4",
      "grid notes",
      String(png.length),
      String(png.length),
      expect.stringMatching(/^\.\.\/_file\/data\/usage\.[A-Z2-7]{8}\.csv$/),
    ]);
    const table = tableOf(html)!;
    expect(Object.keys(table).sort()).toEqual(["data/note.txt", "data/pixel.png", "data/regions.json", "data/usage.csv", "data/usage.tsv"]);
    expect(table["data/usage.csv"]).toMatchObject({ mimeType: "text/csv", sizeBytes: readFileSync(path.join(notebooks(), "data/usage.csv")).length });
    expect(table["data/pixel.png"]).toMatchObject({ mimeType: "image/png", sizeBytes: png.length });
    // Each file is in the site at the URL the page's table gives (relative to the page), byte for byte.
    for (const [name, file] of Object.entries(table)) {
      const published = path.join(dir, "build", "chapters", file.url);
      expect(readFileSync(published), name).toEqual(readFileSync(path.join(notebooks(), name)));
    }
    // The image is prerendered with the published URL.
    expect(html).toMatch(/<img alt="one pixel" width="10" src="\.\.\/_file\/data\/pixel\.[A-Z2-7]{8}\.png">|<img[^>]*src="\.\.\/_file\/data\/pixel\.[A-Z2-7]{8}\.png"[^>]*>/);
  }, 60_000);

  it("rebuilds a notebook whose data changed, and publishes the new bytes under a new name", async () => {
    const before = tableOf(page("chapters/usage.html"))!["data/usage.csv"]!.url;
    const again = await build();
    expect(again.stderr).toContain("1 from the cache, 0 evaluated");
    await write("notebooks/data/usage.csv", "region,kwh,day\nnorth,12.5,2024-01-01\nsouth,9,2024-02-01\n");
    const changed = await build();
    expect(changed.stderr).toContain("0 from the cache, 1 evaluated");
    const html = page("chapters/usage.html");
    expect(inlineValues(html)[0]).toBe("21.5");
    const after = tableOf(html)!["data/usage.csv"]!.url;
    expect(after).not.toBe(before);
    expect(existsSync(path.join(dir, "build", "chapters", before))).toBe(false);
  }, 60_000);

  it("fails at the call, naming the file, when an attached file is missing, a folder, a URL or outside the root", async () => {
    await write(
      "notebooks/broken.md",
      [
        "# Broken",
        "",
        `${fence}js`,
        'const a = FileAttachment("data/nowhere.csv");',
        'const b = FileAttachment("data");',
        'const c = FileAttachment("https://example.org/x.csv");',
        'const d = FileAttachment("../outside.csv");',
        fence,
        "",
      ].join("\n"),
    );
    const result = await build();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('notebooks/broken.md:4:11: FileAttachment("data/nowhere.csv"): there is no file notebooks/data/nowhere.csv [file-attachment-missing]');
    expect(result.stderr).toContain("or a data loader beside it (nowhere.csv.js or nowhere.csv.ts)");
    expect(result.stderr).toContain('notebooks/broken.md:5:11: FileAttachment("data") names a folder (notebooks/data), not a file');
    expect(result.stderr).toContain('notebooks/broken.md:6:11: FileAttachment("https://example.org/x.csv"): a URL cannot be attached');
    expect(result.stderr).toContain('notebooks/broken.md:7:11: FileAttachment("../outside.csv") leads out of the notebooks root');
    // The site that was built stays.
    expect(page("chapters/usage.html")).toContain("21.5");
    await rm(path.join(notebooks(), "broken.md"));
  }, 60_000);

  it("runs a data loader once, keeps its output until the loader or what it imports changes, and names a failing one", async () => {
    // Each run leaves a line in runs.log (outside the notebooks), so the test can count them.
    const counting = `import {appendFileSync} from "node:fs";\nappendFileSync(${JSON.stringify(path.join(dir, "runs.log"))}, "run\\n");\n`;
    await write("notebooks/data/scale.js", "export const scale = 2;\n");
    await write("notebooks/data/hourly.csv.ts", `${counting}import {scale} from "./scale.js";\nconst hours: number[] = [0, 1, 2];\nprocess.stdout.write("hour,g\\n" + hours.map((h) => \`\${h},\${(100 + h) * scale}\`).join("\\n") + "\\n");\n`);
    await write("notebooks/data/summary.json.js", `${counting}console.log(JSON.stringify({source: "loader", n: 3}));\n`);
    await write(
      "notebooks/loaded.md",
      ["# Loaded", "", `${fence}js`, 'const hourly = await FileAttachment("data/hourly.csv").csv({typed: true});', 'const summary = await FileAttachment("data/summary.json").json();', fence, "", "Peak ${Math.max(...hourly.map((r) => r.g))} g from ${summary.source}, ${summary.n}.", ""].join("\n"),
    );
    const runs = () => (existsSync(path.join(dir, "runs.log")) ? readFileSync(path.join(dir, "runs.log"), "utf8").split("\n").filter(Boolean).length : 0);
    const first = await build();
    expect(first.code, first.stderr).toBe(0);
    expect(inlineValues(page("loaded.html"))).toEqual(["204", "loader", "3"]);
    expect(runs()).toBe(2);
    // The loader's output is published like any file.
    expect(tableOf(page("loaded.html"))!["data/hourly.csv"]!.url).toMatch(/^_file\/data\/hourly\.[A-Z2-7]{8}\.csv$/);

    // Another notebook changes: the loaders do not run again.
    await write("notebooks/other.md", "# Other\n\n${1 + 1}\n");
    expect((await build()).code).toBe(0);
    expect(runs()).toBe(2);

    // What the TypeScript loader imports changes: it runs again, and only it.
    await write("notebooks/data/scale.js", "export const scale = 3;\n");
    expect((await build()).code).toBe(0);
    expect(runs()).toBe(3);
    expect(inlineValues(page("loaded.html"))[0]).toBe("306");

    // --no-cache runs every loader afresh.
    expect((await build("--no-cache")).code).toBe(0);
    expect(runs()).toBe(5);

    await write("notebooks/data/summary.json.js", 'console.error("reading the meter…");\nprocess.exit(3);\n');
    const failed = await build();
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("notebooks/loaded.md:5:23: the data loader notebooks/data/summary.json.js failed: it exited with code 3");
    expect(failed.stderr).toContain("reading the meter…");
    expect(failed.stderr).toContain("[data-loader-failed]");
    expect(failed.stderr).toContain("node notebooks/data/summary.json.js > output");
  }, 120_000);

  it("lets a file put where a loader's output would be take its place", async () => {
    await write("notebooks/data/summary.json.js", `console.log(JSON.stringify({source: "loader", n: 3}));\n`);
    expect((await build()).code).toBe(0);
    await write("notebooks/data/summary.json", JSON.stringify({ source: "file", n: 4 }));
    const result = await build();
    expect(result.code, result.stderr).toBe(0);
    expect(inlineValues(page("loaded.html")).slice(1)).toEqual(["file", "4"]);
  }, 60_000);

  it("reads an Apache Arrow file as a Table", async () => {
    const { tableFromArrays, tableToIPC } = await import("apache-arrow");
    await write("notebooks/data/readings.arrow", tableToIPC(tableFromArrays({ hour: Int32Array.from([0, 1, 2]), g: Float64Array.from([100.5, 90, 80]) }), "file"));
    await write("notebooks/arrow.md", ["# Arrow", "", `${fence}js`, 'const readings = await FileAttachment("data/readings.arrow").arrow();', fence, "", 'Rows ${readings.numRows}; g ${readings.getChild("g").toArray().join("+")}; ${readings.schema.fields.map((f) => f.name).join("+")}.', ""].join("\n"));
    const result = await build();
    expect(result.code, result.stderr).toBe(0);
    expect(inlineValues(page("arrow.html"))).toEqual(["3", "100.5+90+80", "hour+g"]);
    expect(tableOf(page("arrow.html"))!["data/readings.arrow"]!.mimeType).toBe("application/vnd.apache.arrow.file");
  }, 60_000);

  it("publishes a file attached by two notebooks once", async () => {
    await write("notebooks/twice.md", ['# Twice', "", `${fence}js`, 'const same = await FileAttachment("data/regions.json").json();', fence, "", "${same.factor}", ""].join("\n"));
    expect((await build()).code).toBe(0);
    expect(readdirSync(path.join(dir, "build", "_file", "data")).filter((name) => name.startsWith("regions.")).length).toBe(1);
  }, 60_000);
});

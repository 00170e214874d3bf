// The names every cell can use without importing them: wattbook's own and Observable Framework's common
// ones, so that a Framework page builds. `display` and `view` are per cell (see notebook.ts);
// `invalidation` and `visibility` come from the runtime. Plot, Inputs, md, tex and resize are loaded on
// first use, so a page that never references them never downloads them.
//
// The build and the browser differ in what moves: at build a page has one settled state, so `now`
// yields once, `dark` is false, `width` and `resize` use BUILD_WIDTH, and `visibility()` resolves at
// once (the runtime finds no IntersectionObserver). In the browser each follows the page.
import { html, svg } from "htl";
import { fileAttachments, type AttachmentSource } from "./file-attachment.ts";
import * as live from "./generators.ts";
import { once } from "./generators.ts";
import { Mutable } from "./mutable.ts";

/** At build: the content width in pixels, a constant. In the browser: the main column, followed live. */
export type BuiltinOptions = ({ readonly width: number } | { readonly main: Element }) & {
  /** The notebook's attached files and how to read them (none when absent). */
  readonly files?: AttachmentSource;
};

/** The width cells see at build, where there is no layout: the main column's at a desktop size. */
export const BUILD_WIDTH = 640;
/** The height a `resize` render that reads it gets at build: Plot's default figure height. */
export const BUILD_HEIGHT = 400;

/** What every page has, wherever it runs; `Generators` is Framework's, as they behave here. */
function common(Generators: Readonly<Record<string, unknown>>, files: AttachmentSource): Record<string, unknown> {
  return {
    Plot: () => Promise.all([import("@observablehq/plot"), import("./plot-palette.ts")]).then(([Plot, { withReadableColors }]) => withReadableColors(Plot)),
    // Observable Inputs with wattbook's additions (inputs.ts): named sliders, guarded number boxes, and
    // defaults the browser can hold.
    Inputs: () => import("./inputs-package.ts"),
    html: () => html,
    FileAttachment: () => fileAttachments(files),
    svg: () => svg,
    md: () => import("./md.ts").then((module) => module.md),
    tex: () => import("./tex.ts").then((module) => module.tex),
    Generators: () => Generators,
    Mutable: () => Mutable,
  };
}

const EVERYWHERE = { input: live.input, observe: live.observe, queue: live.queue };

function atBuild(widthPixels: number, files: AttachmentSource): Record<string, unknown> {
  const Generators = Object.freeze({ ...EVERYWHERE, now: () => once(Date.now()), width: (_element?: Element) => once(widthPixels), dark: () => once(false) });
  return {
    ...common(Generators, files),
    width: () => widthPixels,
    now: () => Generators.now(),
    dark: () => Generators.dark(),
    resize: () => import("./resize.ts").then(({ resizeAt }) => resizeAt(widthPixels, BUILD_HEIGHT)),
  };
}

function inBrowser(main: Element, files: AttachmentSource): Record<string, unknown> {
  const Generators = Object.freeze({ ...EVERYWHERE, now: live.now, width: live.width, dark: live.dark });
  return {
    ...common(Generators, files),
    width: () => live.width(main),
    now: () => live.now(),
    dark: () => live.dark(),
    resize: () => import("./resize.ts").then(({ liveResize }) => liveResize(() => main.getBoundingClientRect().width)),
  };
}

export function createBuiltins(options: BuiltinOptions): Record<string, unknown> {
  const files = options.files ?? NO_FILES;
  return "main" in options ? inBrowser(options.main, files) : atBuild(options.width, files);
}

const NO_FILES: AttachmentSource = {
  notebookPath: "",
  files: {},
  read: () => Promise.reject(new Error("this notebook attaches no files")),
  imagesLoad: false,
};

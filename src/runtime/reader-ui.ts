// What the page does for its reader beside running the notebook: on touch screens, a tap on a cell shows
// its Edit link below it (the stylesheet keeps the link off the text); wide equations and tables that
// scroll sideways become focusable, named regions; the compact contents close when a link in them is
// followed; and while the page prints, the exercises' hints and solutions move to a "Solutions" section
// at its end, so that a printed page is a handout with its answers at the back.
import { EXERCISE_CLASS as C } from "../exercise/markup.ts";

export const READER_CLASS = {
  tapped: "wb-cell-tapped",
  scrolls: "wb-scrolls",
  printSolutions: "wb-print-solutions",
  printSolution: "wb-print-solution",
} as const;

/** Elements that scroll sideways when they are wider than the column. */
const SCROLLERS = ".katex-display, .wb-table-wrap";
/** Taps on these do what they do; they do not also show the cell's tools. */
const INTERACTIVE = "a, button, input, select, textarea, label, summary, [contenteditable]";

export function startReaderUi(main: Element): void {
  showToolsOnTap();
  closeContentsOnFollow();
  markScrollers(main);
  moveSolutionsWhilePrinting(main);
}

function showToolsOnTap(): void {
  document.addEventListener("click", (event) => {
    const target = event.target as Element | null;
    if (!target?.closest || target.closest(INTERACTIVE)) return;
    const cell = target.closest(".wb-cell");
    const open = cell?.querySelector(":scope > .wb-cell-tools") ? cell : null;
    for (const other of document.querySelectorAll(`.${READER_CLASS.tapped}`)) if (other !== open) other.classList.remove(READER_CLASS.tapped);
    open?.classList.toggle(READER_CLASS.tapped);
  });
}

function closeContentsOnFollow(): void {
  const contents = document.querySelector<HTMLDetailsElement>("details.wb-contents");
  contents?.addEventListener("click", (event) => {
    if ((event.target as Element).closest("a")) contents.open = false;
  });
}

/** Marks each scroller that is wider than its box: focusable (arrow keys scroll it) and named. */
function markScrollers(main: Element): void {
  const resize = new ResizeObserver((entries) => {
    for (const entry of entries) markScroller(entry.target as HTMLElement);
  });
  const seen = new WeakSet<Element>();
  const scan = () => {
    for (const element of main.querySelectorAll<HTMLElement>(SCROLLERS)) {
      if (seen.has(element)) continue;
      seen.add(element);
      resize.observe(element);
    }
  };
  scan();
  // Cells replace their outputs as they run: new tables arrive.
  let pending = false;
  new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      scan();
    });
  }).observe(main, { childList: true, subtree: true });
}

function markScroller(element: HTMLElement): void {
  const scrolls = element.scrollWidth > element.clientWidth + 1;
  element.classList.toggle(READER_CLASS.scrolls, scrolls);
  if (!scrolls) {
    if (element.dataset.wbScrollLabel) {
      element.removeAttribute("tabindex");
      element.removeAttribute("role");
      element.removeAttribute("aria-label");
      delete element.dataset.wbScrollLabel;
    }
    return;
  }
  if (element.dataset.wbScrollLabel) return;
  const label = `${scrollerName(element)}, scrolls sideways`;
  element.dataset.wbScrollLabel = "1";
  element.tabIndex = 0;
  element.setAttribute("role", "region");
  element.setAttribute("aria-label", label);
}

/** "Equation (3)", "Table 2", "Equation", "Table". */
function scrollerName(element: HTMLElement): string {
  if (element.classList.contains("katex-display")) {
    const number = element.closest(".wb-equation")?.querySelector(".wb-equation-number")?.textContent?.trim();
    return number ? `Equation ${number}` : "Equation";
  }
  const label = element.closest("figure")?.querySelector(".wb-label")?.textContent?.trim().replace(/\.$/, "");
  return label ?? "Table";
}

/**
 * Printing (the print dialog, or print media emulated): each exercise's hints and solution go to a
 * section at the end, under the exercise's title; afterwards they go back. The nodes move rather than
 * being copied, so what prints is what the page shows now, live values included.
 */
function moveSolutionsWhilePrinting(main: Element): void {
  let moved: { node: Element; home: Element; before: Node | null }[] = [];
  let section: HTMLElement | undefined;
  const toEnd = () => {
    if (section) return;
    const exercises = [...main.querySelectorAll<HTMLElement>(`section.${C.exercise}`)];
    const blocks = exercises
      .map((exercise) => ({ exercise, parts: [...exercise.querySelectorAll(`:scope > details.${C.hints}, :scope > details.${C.solution}`)] }))
      .filter((block) => block.parts.length);
    if (!blocks.length) return;
    section = document.createElement("section");
    section.className = READER_CLASS.printSolutions;
    section.setAttribute("aria-label", "Solutions");
    const heading = document.createElement("h2");
    heading.textContent = "Solutions";
    section.append(heading);
    for (const { exercise, parts } of blocks) {
      const block = document.createElement("div");
      block.className = READER_CLASS.printSolution;
      const title = document.createElement("h3");
      title.textContent = exercise.querySelector(".wb-exercise-title")?.textContent ?? "Exercise";
      block.append(title);
      for (const part of parts) {
        moved.push({ node: part, home: exercise, before: part.nextSibling });
        block.append(part);
      }
      section.append(block);
    }
    const end = main.querySelector(`.${C.progress}`) ?? main.querySelector(".wb-pager");
    main.insertBefore(section, end);
  };
  const back = () => {
    for (const { node, home, before } of moved.reverse()) home.insertBefore(node, before && before.parentNode === home ? before : null);
    moved = [];
    section?.remove();
    section = undefined;
  };
  addEventListener("beforeprint", toEnd);
  addEventListener("afterprint", back);
  matchMedia("print").addEventListener("change", (event) => (event.matches ? toEnd() : back()));
}

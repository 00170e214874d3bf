// The site's chrome in the reader's browser, loaded by every page (a few hundred bytes): the sidebar's
// button on narrow screens, `/` to search, and the search itself, whose code and index load only when
// the reader first focuses the box (search-box.ts). Element ids come from publish/chrome-html.ts.

const SIDEBAR_OPEN_CLASS = "wb-sidebar-open";

/** The site root as the page gives it ("", "../"; an absolute path on the 404 page, see publish/not-found.ts). */
export function siteRoot(): string {
  return document.documentElement.dataset.root ?? "";
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

function wireSidebar(): void {
  const toggle = document.querySelector<HTMLButtonElement>(".wb-sidebar-toggle");
  const sidebar = document.getElementById(toggle?.getAttribute("aria-controls") ?? "");
  if (!toggle || !sidebar) return;
  const setOpen = (open: boolean) => {
    toggle.setAttribute("aria-expanded", String(open));
    document.body.classList.toggle(SIDEBAR_OPEN_CLASS, open);
  };
  toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
  // Escape closes the open sidebar and gives the button its focus back.
  sidebar.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || toggle.getAttribute("aria-expanded") !== "true") return;
    setOpen(false);
    toggle.focus();
  });
}

function wireSearch(): void {
  const input = document.querySelector<HTMLInputElement>(".wb-search input");
  if (!input) return;
  let loading: Promise<unknown> | undefined;
  const load = () => (loading ??= import("./search-box.ts").then(({ attachSearch }) => attachSearch(input, siteRoot())));
  input.addEventListener("focus", load);
  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    event.preventDefault();
    input.focus();
  });
}

wireSidebar();
wireSearch();

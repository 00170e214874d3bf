// The search box's behaviour, loaded when the reader first focuses it: fetches the site's index
// (`_wattbook/search.json`, relative to the site root, so it works under any path and offline from the
// site itself), and runs the combobox: results as the reader types, ↑ and ↓ to move, Enter to go to the
// section's heading, Escape to close (and, once closed, to leave the box); the count is announced.
import { SEARCH_INDEX_FILE, type SearchIndexData } from "../search/index-data.ts";
import { SearchIndex, type SearchResult } from "../search/query.ts";

const RESULT_LIMIT = 8;

export async function attachSearch(input: HTMLInputElement, root: string): Promise<void> {
  const list = document.getElementById(input.getAttribute("aria-controls") ?? "") as HTMLUListElement | null;
  const status = input.parentElement?.querySelector<HTMLElement>("[aria-live]") ?? null;
  if (!list) return;
  const announce = (text: string) => {
    if (status) status.textContent = text;
  };
  let index: SearchIndex;
  try {
    const response = await fetch(new URL(`${root}${SEARCH_INDEX_FILE}`, location.href));
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    index = new SearchIndex((await response.json()) as SearchIndexData);
  } catch (error) {
    announce("Search is unavailable: its index could not be loaded.");
    input.setAttribute("aria-invalid", "true");
    console.error("wattbook search:", error);
    return;
  }
  let results: SearchResult[] = [];
  let active = -1;
  const optionId = (at: number) => `${list.id}-${at}`;
  const show = (open: boolean) => {
    list.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    if (!open) setActive(-1);
  };
  const setActive = (at: number) => {
    list.querySelector("[aria-selected=true]")?.setAttribute("aria-selected", "false");
    active = at;
    const option = at >= 0 ? document.getElementById(optionId(at)) : null;
    if (option) {
      option.setAttribute("aria-selected", "true");
      option.scrollIntoView({ block: "nearest" });
      input.setAttribute("aria-activedescendant", option.id);
    } else input.removeAttribute("aria-activedescendant");
  };
  const render = () => {
    const query = input.value.trim();
    results = query ? index.search(query, RESULT_LIMIT) : [];
    list.replaceChildren(
      ...results.map((result, at) => {
        const item = document.createElement("li");
        item.id = optionId(at);
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        const link = document.createElement("a");
        link.href = new URL(root + result.href, location.href).href;
        link.tabIndex = -1;
        const where = document.createElement("span");
        where.className = "wb-search-where";
        where.textContent = result.heading === result.pageTitle ? result.pageTitle : `${result.pageTitle} › ${result.heading}`;
        const excerpt = document.createElement("span");
        excerpt.className = "wb-search-excerpt";
        excerpt.textContent = result.excerpt;
        link.append(where, excerpt);
        item.append(link);
        return item;
      }),
    );
    show(query !== "");
    if (query && !results.length) list.replaceChildren(Object.assign(document.createElement("li"), { className: "wb-search-none", textContent: "No results" }));
    announce(query ? (results.length ? `${results.length} result${results.length === 1 ? "" : "s"}; arrow keys to choose, Enter to go` : "No results") : "");
  };
  const go = (at: number) => {
    const link = document.getElementById(optionId(at))?.querySelector("a");
    if (!link) return;
    show(false);
    location.assign(link.href);
  };
  input.addEventListener("input", render);
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!results.length) return;
      event.preventDefault();
      if (list.hidden) show(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((active + step + results.length + (active < 0 && step < 0 ? 1 : 0)) % results.length);
    } else if (event.key === "Enter") {
      if (!results.length) return;
      event.preventDefault();
      go(active >= 0 ? active : 0);
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (!list.hidden) show(false);
      else if (input.value) (input.value = ""), render();
      else input.blur();
    }
  });
  // A result chosen with the pointer; the box closes when focus leaves it for anything else.
  list.addEventListener("mousedown", (event) => event.preventDefault());
  list.addEventListener("click", (event) => {
    const item = (event.target as Element).closest("[role=option]");
    if (!item) return;
    event.preventDefault();
    go(Number(item.id.slice(list.id.length + 1)));
  });
  input.addEventListener("blur", () => show(false));
  input.addEventListener("focus", () => input.value.trim() && render());
  if (input.value.trim()) render();
}

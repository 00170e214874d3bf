// resize(render), as Observable Framework has it: a <div> whose content is render(width, height),
// rendered again whenever the div's size changes, for figures that fill the space they are given.
// At build there is no layout: the div holds one render at the build's width, so the page reads the
// same without JavaScript. In the browser the first render uses the main column's width, so hydration
// does not leave the div empty for a frame, and later renders follow the div's own size.

export type ResizeContent = Node | string | null | undefined;
export type ResizeRender = (widthPixels: number, heightPixels: number) => ResizeContent | Promise<ResizeContent>;

function show(div: HTMLDivElement, content: ResizeContent, absolute: boolean): void {
  if (content == null) return void div.replaceChildren();
  // A child that reads the height is taken out of the flow, or its own height would feed the next size.
  if (absolute && typeof content === "object" && content.nodeType === 1) (content as HTMLElement).style.position = "absolute";
  div.replaceChildren(content);
}

/** Whether `render` takes the height too (it then fills its container, which must have a height). */
const usesHeight = (render: ResizeRender) => render.length !== 1;

function container(render: ResizeRender): HTMLDivElement {
  const div = document.createElement("div");
  div.style.position = "relative";
  if (usesHeight(render)) div.style.height = "100%";
  return div;
}

/**
 * resize for the build: renders once at `widthPixels` (and `heightPixels` for a render that takes a
 * height). A render that returns a promise makes the result a promise of the filled div, so the
 * prerendered page has the content, not an empty div.
 */
export function resizeAt(widthPixels: number, heightPixels: number) {
  return (render: ResizeRender): HTMLDivElement | Promise<HTMLDivElement> => {
    const div = document.createElement("div");
    div.style.position = "relative";
    const content = render(widthPixels, heightPixels);
    if (content && typeof (content as Promise<ResizeContent>).then === "function") return Promise.resolve(content).then((awaited) => (show(div, awaited, false), div));
    show(div, content as ResizeContent, false);
    return div;
  };
}

/**
 * resize for a live page. `guessWidth` gives the width to render at before the div has a size of its
 * own (the main column's). Renders that finish out of order are dropped; the observer stops when
 * `invalidation` resolves, or once the div, having been on the page, is taken off it.
 */
export function liveResize(guessWidth: () => number) {
  return (render: ResizeRender, invalidation?: Promise<unknown>): HTMLDivElement => {
    const div = container(render);
    const absolute = usesHeight(render);
    let started = 0;
    let shown = 0;
    let renderedWidth: number | undefined;
    let wasConnected = false;
    const draw = (widthPixels: number, heightPixels: number) => {
      renderedWidth = widthPixels;
      const ticket = ++started;
      const settle = (content: ResizeContent) => {
        if (ticket < shown) return;
        shown = ticket;
        show(div, content, absolute);
      };
      const content = widthPixels > 0 ? render(widthPixels, heightPixels) : null;
      if (content && typeof (content as Promise<ResizeContent>).then === "function") void Promise.resolve(content).then(settle);
      else settle(content as ResizeContent);
    };
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      if (div.isConnected) wasConnected = true;
      else if (wasConnected) return observer.disconnect();
      // Whole pixels, as the width built-in gives them: a sub-pixel change renders nothing new.
      const width = Math.floor(entry.contentRect.width);
      // A height-only change matters only to a render that reads the height.
      if (!absolute && width === renderedWidth) return;
      draw(width, Math.floor(entry.contentRect.height));
    });
    observer.observe(div);
    void invalidation?.then(() => observer.disconnect());
    if (!absolute) draw(Math.floor(guessWidth()), 0);
    return div;
  };
}

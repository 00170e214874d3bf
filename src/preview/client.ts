// Loaded only by preview pages: listens for rebuilds and reloads this page when it changed. Errors are
// already in the page (the server renders the overlay), so reloading is all there is to do.
const here = decodeURIComponent(location.pathname).replace(/^\//, "").replace(/(^|\/)$/, "$1index.html");
const events = new EventSource("/_wattbook/events");
events.addEventListener("message", (event) => {
  const { type, pages } = JSON.parse(event.data) as { type: string; pages: string[] };
  if (type === "reload" && (pages.includes("*") || pages.includes(here))) location.reload();
});

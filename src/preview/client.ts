// Loaded only by preview pages: listens for rebuilds and reloads this page when it changed. Errors are
// already in the page (the server renders the overlay), so reloading is all there is to do. A preview
// that went away and came back (restarted, say, for a new notebooks folder) may serve another page
// now: reconnecting reloads it too.
const here = decodeURIComponent(location.pathname).replace(/^\//, "").replace(/(^|\/)$/, "$1index.html");
const events = new EventSource("/_wattbook/events");
events.addEventListener("message", (event) => {
  const { type, pages } = JSON.parse(event.data) as { type: string; pages: string[] };
  if (type === "reload" && (pages.includes("*") || pages.includes(here))) location.reload();
});
let lost = false;
events.addEventListener("error", () => (lost = true));
events.addEventListener("open", () => lost && location.reload());

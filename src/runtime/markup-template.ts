// A tagged template whose text is markup in another language (Markdown), rendered to DOM, with the DOM
// nodes it interpolates (a chart, an input, a tex formula) put where they were written. Each node goes
// into the text as a numbered comment, the text is rendered, and each comment is swapped for its node.
// Other values go in as text of the markup's language: md`# ${title}` makes a heading of the title.

const PLACEHOLDER = /^wb-node:(\d+)$/;

function isNode(value: unknown): value is Node {
  return typeof Node !== "undefined" && value instanceof Node;
}

/** The comments a placeholder was written as, anywhere under `root`. */
function placeholders(root: Node, found: Map<number, Comment>): void {
  for (const child of Array.from(root.childNodes)) {
    if (child.nodeType === 8) {
      const index = PLACEHOLDER.exec((child as Comment).data)?.[1];
      if (index !== undefined) found.set(Number(index), child as Comment);
    } else placeholders(child, found);
  }
}

/**
 * A template tag over `render`, which turns the text into the children of a fresh element. The result
 * is the single node rendered, or the element holding them all.
 */
export function markupTemplate(render: (text: string) => Element) {
  return (strings: TemplateStringsArray | readonly string[], ...values: unknown[]): Node => {
    const nodes: Node[] = [];
    const placeholder = (node: Node) => `<!--wb-node:${nodes.push(node) - 1}-->`;
    let text = strings[0] ?? "";
    values.forEach((value, index) => {
      if (isNode(value)) text += placeholder(value);
      else if (Array.isArray(value)) {
        // Nodes next to each other share one placeholder, as htl's html does with arrays.
        let run: DocumentFragment | undefined;
        for (const item of value) {
          if (isNode(item)) {
            if (!run) text += placeholder((run = document.createDocumentFragment()));
            run.append(item);
          } else {
            run = undefined;
            text += item == null ? "" : String(item);
          }
        }
      } else if (value != null) text += String(value);
      text += strings[index + 1] ?? "";
    });
    const root = render(text);
    if (nodes.length) {
      const found = new Map<number, Comment>();
      placeholders(root, found);
      for (const [index, comment] of found) comment.replaceWith(nodes[index]!);
    }
    return root.childNodes.length === 1 ? root.removeChild(root.firstChild!) : root;
  };
}

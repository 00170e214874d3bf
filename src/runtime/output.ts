// A cell's output area. Prerendered content stays until the cell's new run shows something, and is
// then replaced in one step: no blank frame between the build's HTML and the live value.
import { inspect } from "./inspect.ts";

export interface FailureView {
  readonly own: boolean;
  readonly message: string;
  readonly location: string;
  /** Not its own failure: the cell it waits on, by name. */
  readonly waitingOn?: { readonly name: string };
}

export class CellOutput {
  /** True from the start of a run until the run first displays something. */
  private fresh = false;

  constructor(
    readonly root: Element | null,
    readonly inline: boolean,
  ) {}

  private render(value: unknown): Node | null {
    return inspect(value, { inline: this.inline });
  }

  private replace(node: Node | null): void {
    if (!this.root) return;
    if (node) this.root.replaceChildren(node);
    else this.root.replaceChildren();
  }

  /** A new run of the cell's body starts. */
  begin(): void {
    this.fresh = true;
  }

  display(value: unknown): void {
    const node = this.render(value);
    if (this.fresh) {
      this.fresh = false;
      this.replace(node);
    } else if (node && this.root) this.root.append(node);
  }

  pending(): void {
    this.root?.classList.add("wb-running");
  }

  /** The run finished. Expression cells show their value; other cells keep what they displayed. */
  fulfilled(value: unknown, showValue: boolean): void {
    this.root?.classList.remove("wb-running", "wb-failed");
    if (showValue) this.replace(this.render(value));
    else if (this.fresh) this.replace(null);
    this.fresh = false;
  }

  failed(failure: FailureView): void {
    this.fresh = false;
    if (!this.root) return;
    this.root.classList.remove("wb-running");
    this.root.classList.add("wb-failed");
    if (!failure.own && failure.waitingOn) return this.replace(this.waiting(failure.waitingOn.name, failure.message));
    const box = document.createElement(this.inline ? "span" : "div");
    box.className = failure.own ? "wb-error" : "wb-error wb-error-upstream";
    box.setAttribute("role", "alert");
    const location = document.createElement("span");
    location.className = "wb-error-location";
    location.textContent = failure.location;
    box.append(location, document.createTextNode(` ${failure.message}`));
    this.replace(box);
  }

  /**
   * A muted note in place of the output: the cell is fine, an input of it failed. No alert: the failed
   * cell's own error is the one to announce.
   */
  private waiting(name: string, message: string): Element {
    const note = document.createElement(this.inline ? "span" : "div");
    note.className = "wb-waiting";
    note.title = message;
    note.textContent = `waiting on ${name}`;
    return note;
  }

  clear(): void {
    this.replace(null);
  }
}

// The bar at the top of an edit page: whether the page differs from the author's version, a share link,
// Reset page (asks once more), the author's page, and the reader's own edits when a shared link
// replaced them.
import { editCount, type Edits } from "../edits.ts";
import { button, h } from "./dom.ts";

export interface BannerActions {
  share(): Promise<string>;
  resetAll(): void;
  /** Present when a shared link set the reader's own edits aside. */
  restoreSetAside?: () => void;
  /** Starts the sandbox again with the saved edits, after it was stopped. */
  restart?: () => void;
}

export class Banner {
  readonly element: HTMLElement;
  private readonly message: HTMLElement;
  private readonly shareBox: HTMLElement;
  private readonly reset: HTMLButtonElement;
  private readonly share: HTMLButtonElement;
  private readonly restore: HTMLButtonElement;
  private readonly notice: HTMLElement;
  private readonly again: HTMLButtonElement;
  private confirmTimer: ReturnType<typeof setTimeout> | undefined;
  /** The page was opened from a shared link and still shows (some of) its edits. */
  fromLink = false;

  constructor(
    readPage: string,
    private readonly actions: BannerActions,
  ) {
    this.message = h("p", { class: "wb-banner-message" });
    this.notice = h("p", { class: "wb-banner-notice", hidden: "" });
    this.shareBox = h("div", { class: "wb-share", hidden: "" });
    this.share = button("Share link", () => void this.showShareLink(), { class: "wb-share-button" });
    this.reset = button("Reset page", () => this.confirmReset(), { class: "wb-reset-page" });
    this.restore = button("Restore my own edits", () => actions.restoreSetAside?.(), { class: "wb-restore", hidden: "" });
    this.again = button("Run the page again", () => {
      this.again.hidden = true;
      this.clearNotice();
      actions.restart?.();
    }, { class: "wb-restart", hidden: "" });
    const read = h("a", { href: readPage, class: "wb-author-page", title: "The author's page, without your edits" }, "Leave edit mode");
    this.element = h("div", { class: "wb-banner", role: "region", "aria-label": "Editing" }, this.message, this.notice, h("div", { class: "wb-banner-tools" }, this.share, this.reset, this.restore, this.again, read), this.shareBox);
  }

  /** `movedInputs`: how many inputs the reader has moved from where the author put them (a share link carries them). */
  update(edits: Edits, canRestore: boolean, movedInputs = 0): void {
    const cells = Object.keys(edits.cells).length;
    const scratch = edits.scratch.length;
    const differs = editCount(edits) > 0;
    if (!differs) this.fromLink = false;
    const parts = [cells ? `${cells} edited cell${cells === 1 ? "" : "s"}` : "", scratch ? `${scratch} scratch cell${scratch === 1 ? "" : "s"}` : ""].filter(Boolean);
    this.message.textContent = !differs
      ? "Edit mode: change a cell's code and run it with Ctrl-Enter (⌘-Enter on a Mac). Your edits stay in this browser."
      : `${this.fromLink ? "Opened from a shared link: this" : "This"} page differs from the author's version (${parts.join(", ")}).`;
    this.element.classList.toggle("wb-differs", differs);
    this.share.disabled = !differs && movedInputs === 0;
    // Reset page stays reachable after the sandbox was stopped, whatever is saved.
    this.reset.disabled = !differs && Boolean(this.again.hidden);
    this.restore.hidden = !canRestore;
    if (this.share.disabled) this.shareBox.hidden = true;
  }

  /** A one-off remark under the message (e.g. edits a changed page could not take). */
  note(text: string): void {
    this.notice.textContent = text;
    this.notice.hidden = false;
  }

  clearNotice(): void {
    this.notice.textContent = "";
    this.notice.hidden = true;
  }

  /** The sandbox was stopped: say why, and offer to run the page again (Reset page stays enabled). */
  frozen(text: string): void {
    this.note(text);
    this.notice.setAttribute("role", "alert");
    this.again.hidden = false;
    this.reset.disabled = false;
  }

  private async showShareLink(): Promise<void> {
    const url = await this.actions.share();
    const field = h("input", { type: "text", readonly: "", value: url, class: "wb-share-url", "aria-label": "Link to this page with your edits and input positions" });
    const note = h("span", { class: "wb-share-note", role: "status" });
    this.shareBox.replaceChildren(field, note);
    this.shareBox.hidden = false;
    field.focus();
    field.select();
    try {
      await navigator.clipboard.writeText(url);
      note.textContent = "Copied.";
    } catch {
      note.textContent = "Copy the link above.";
    }
  }

  private confirmReset(): void {
    if (this.confirmTimer === undefined) {
      this.reset.textContent = "Really reset every cell?";
      this.confirmTimer = setTimeout(() => this.endConfirm(), 4000);
      return;
    }
    this.endConfirm();
    this.again.hidden = true;
    this.actions.resetAll();
  }

  private endConfirm(): void {
    clearTimeout(this.confirmTimer);
    this.confirmTimer = undefined;
    this.reset.textContent = "Reset page";
  }
}

// The edit page's own styles, added by the editor (read pages never carry them). They use the theme's
// custom properties, so a project's wattbook.css restyles the editor too.
const CSS = `
:root { --wb-cm-keyword: #8a2f9a; --wb-cm-string: #0b6e4f; --wb-cm-number: #a4520a; --wb-cm-definition: #1a4fb5; --wb-cm-type: #0e6a80; --wb-cm-property: #3b4a6b; }
@media (prefers-color-scheme: dark) {
  :root { --wb-cm-keyword: #d7a0f0; --wb-cm-string: #7fd6b0; --wb-cm-number: #f2b36b; --wb-cm-definition: #8ab4f8; --wb-cm-type: #7dd3e8; --wb-cm-property: #c5cde0; }
}
.wb-editing .wb-cell { margin: 1rem 0 1.25rem; }
.wb-editing .wb-cell-tools { position: static; opacity: 1; display: flex; flex-wrap: wrap; align-items: center; gap: 0.2rem 0.5rem;
  font-size: 0.78rem; color: var(--wb-muted); border-bottom: 1px dashed var(--wb-rule); padding: 0 0 0.15rem; margin: 0 0 0.35rem; }
.wb-editing .wb-cell-tools .wb-edit { background: none; border: 0; padding: 0; font-weight: 600; }
.wb-cell-summary { flex: 1 1 12rem; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-size: 0.74rem; color: var(--wb-muted); background: none !important; }
.wb-cell-tools button, .wb-editor-tools button, .wb-banner button { font: inherit; font-size: 0.78rem; color: var(--wb-accent); background: none;
  border: 1px solid var(--wb-rule); border-radius: 3px; padding: 0.05rem 0.45rem; cursor: pointer; }
.wb-cell-tools button:hover, .wb-editor-tools button:hover, .wb-banner button:hover { border-color: var(--wb-accent); }
.wb-banner button:disabled { opacity: 0.45; cursor: default; }
.wb-edited-mark { color: var(--wb-bg); background: var(--wb-accent); border-radius: 3px; padding: 0 0.35rem; font-weight: 600; }
.wb-cell.wb-edited { box-shadow: -0.6rem 0 0 -0.4rem var(--wb-accent); }
.wb-scratch { border-left: 3px solid var(--wb-rule); padding-left: 0.6rem; }
.wb-scratch-label { font-weight: 600; flex: 1; }
.wb-inline.wb-editable { cursor: pointer; border-bottom: 1px dotted var(--wb-accent); }
.wb-inline.wb-editable:focus-visible { outline: 2px solid var(--wb-focus); outline-offset: 1px; }
.wb-inline.wb-edited { background: var(--wb-accent-soft); border-bottom-style: solid; }
.wb-editor { margin: 0.5rem 0 0.75rem; display: block; }
.wb-editor-code[aria-busy] { min-height: 3rem; background: var(--wb-code-bg); border-radius: 4px; }
.wb-editor-tools { display: flex; gap: 0.5rem; margin: 0.35rem 0 0.2rem; }
.wb-editor-tools .wb-run { color: var(--wb-bg); background: var(--wb-accent); border-color: var(--wb-accent); font-weight: 600; }
.wb-editor-status { font-size: 0.8rem; color: var(--wb-muted); }
.wb-editor-failed .wb-editor-status { color: var(--wb-error); }
.wb-edit-errors { margin: 0.2rem 0 0; padding-left: 1.1rem; font-family: var(--wb-mono); }
.wb-error-at { font: inherit; color: inherit; background: none; border: 0; padding: 0; text-decoration: underline; cursor: pointer; }
.wb-error-hint { color: var(--wb-muted); }
.wb-diff { font-size: 0.78rem; margin: 0 0 0.5rem; }
.wb-diff ins { text-decoration: none; color: var(--wb-accent); background: var(--wb-accent-soft); display: inline; }
.wb-diff del { text-decoration: none; color: var(--wb-error); background: var(--wb-error-bg); }
.wb-banner { background: var(--wb-bg); border: 1px solid var(--wb-rule); border-left: 4px solid var(--wb-rule);
  border-radius: 4px; padding: 0.45rem 0.75rem; margin: 0 0 1rem; font-size: 0.85rem; }
.wb-banner.wb-differs { border-left-color: var(--wb-accent); background: var(--wb-accent-soft); }
.wb-banner-message { margin: 0 0 0.3rem; }
.wb-banner-notice { margin: 0 0 0.3rem; color: var(--wb-muted); font-size: 0.8rem; }
.wb-banner-tools { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.wb-author-page { font-size: 0.8rem; margin-left: auto; }
.wb-share { display: flex; gap: 0.5rem; align-items: center; margin-top: 0.4rem; }
.wb-share-url { flex: 1; min-width: 0; font: 0.75rem var(--wb-mono); padding: 0.2rem 0.3rem; }
.wb-consent { background: var(--wb-bg); border: 1px solid var(--wb-accent); border-left: 4px solid var(--wb-accent); border-radius: 4px; padding: 0.5rem 0.75rem; margin: 0 0 1rem; font-size: 0.85rem; }
.wb-consent-summary { margin: 0 0 0.4rem; font-weight: 600; }
.wb-consent-list { list-style: none; margin: 0 0 0.5rem; padding: 0; }
.wb-consent-list li { margin: 0 0 0.5rem; }
.wb-consent-what { display: block; font-size: 0.8rem; color: var(--wb-muted); }
.wb-consent-status { margin: 0 0 0.3rem; font-size: 0.8rem; color: var(--wb-muted); }
.wb-consent button { font: inherit; font-size: 0.8rem; color: var(--wb-accent); background: none; border: 1px solid var(--wb-rule); border-radius: 3px; padding: 0.1rem 0.5rem; cursor: pointer; }
.wb-consent .wb-consent-run, .wb-consent .wb-consent-keep { color: var(--wb-bg); background: var(--wb-accent); border-color: var(--wb-accent); font-weight: 600; }
.wb-consent button:disabled { opacity: 0.45; cursor: default; }
.wb-sandbox { display: block; width: 100%; border: 0; background: transparent; }
.wb-main.wb-booting { position: relative; }
.wb-main.wb-booting > .wb-sandbox { position: absolute; left: 0; top: 0; height: 100vh; opacity: 0; pointer-events: none; }
.wb-main.wb-sandboxed > .wb-published { display: none; }
.wb-share-note { font-size: 0.8rem; color: var(--wb-muted); }
`;

export function installStyles(): void {
  const style = document.createElement("style");
  style.textContent = CSS;
  document.head.append(style);
}

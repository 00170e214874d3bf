// The code editor proper: CodeMirror 6 with a minimal setup and the JavaScript/TypeScript language,
// loaded the first time a reader opens an editor (its own chunk). Ctrl/Cmd-Enter runs, Escape closes;
// Tab is left to move focus, so the editor never traps the keyboard.
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { javascript } from "@codemirror/lang-javascript";
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { EditorState, RangeSet, StateEffect, StateField } from "@codemirror/state";
import { Decoration, type DecorationSet, drawSelection, EditorView, GutterMarker, gutterLineClass, highlightSpecialChars, keymap, lineNumbers, placeholder } from "@codemirror/view";
import { tags } from "@lezer/highlight";

export interface CodeEditorOptions {
  readonly doc: string;
  readonly typescript: boolean;
  /** The editor's accessible name. */
  readonly label: string;
  readonly placeholder?: string;
  readonly onRun: () => void;
  readonly onEscape: () => void;
}

export interface CodeEditor {
  value(): string;
  setValue(text: string): void;
  focus(): void;
  /** Marks the line of an error and puts the cursor at it (1-based line and column); null clears. */
  markError(at: { line: number; column: number } | null, moveCursor?: boolean): void;
  destroy(): void;
}

const setError = StateEffect.define<{ line: number; column: number } | null>();

const errorLine = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, transaction) {
    marks = marks.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (!effect.is(setError)) continue;
      if (!effect.value) marks = Decoration.none;
      else {
        const line = transaction.state.doc.line(Math.min(Math.max(1, effect.value.line), transaction.state.doc.lines));
        marks = Decoration.set([Decoration.line({ class: "wb-cm-error" }).range(line.from)]);
      }
    }
    return marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** The error's line number in the gutter is marked too (wb-cm-error-gutter). */
const errorGutterMarker = new (class extends GutterMarker {
  override elementClass = "wb-cm-error-gutter";
})();

const errorGutter = gutterLineClass.compute([errorLine], (state) => {
  const lines: number[] = [];
  state.field(errorLine).between(0, state.doc.length, (from) => void lines.push(from));
  return RangeSet.of(lines.map((from) => errorGutterMarker.range(from)));
});

/** Colors from custom properties (ui/styles.ts sets them for light and dark schemes). */
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.operatorKeyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword], color: "var(--wb-cm-keyword)" },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: "var(--wb-cm-string)" },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: "var(--wb-cm-number)" },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: "var(--wb-muted)", fontStyle: "italic" },
  { tag: [tags.definition(tags.variableName), tags.function(tags.definition(tags.variableName))], color: "var(--wb-cm-definition)" },
  { tag: [tags.typeName, tags.className, tags.namespace], color: "var(--wb-cm-type)" },
  { tag: tags.propertyName, color: "var(--wb-cm-property)" },
  { tag: tags.invalid, color: "var(--wb-error)" },
]);

const theme = EditorView.theme({
  "&": { fontSize: "0.85rem", backgroundColor: "var(--wb-code-bg)", color: "var(--wb-fg)", borderRadius: "4px" },
  ".cm-content": { fontFamily: "var(--wb-mono)", caretColor: "var(--wb-fg)" },
  ".cm-gutters": { backgroundColor: "transparent", color: "var(--wb-muted)", border: "none" },
  "&.cm-focused": { outline: "2px solid var(--wb-focus)", outlineOffset: "2px" },
  ".cm-scroller": { maxHeight: "60vh", overflow: "auto" },
  ".wb-cm-error": { backgroundColor: "var(--wb-error-bg)" },
  ".wb-cm-error-gutter": { color: "var(--wb-error)", fontWeight: "700", boxShadow: "inset -3px 0 0 var(--wb-error)" },
  "&.cm-focused .cm-cursor": { borderLeftColor: "var(--wb-fg)" },
});

export function createCodeEditor(parent: Element, options: CodeEditorOptions): CodeEditor {
  const run = () => (options.onRun(), true);
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        lineNumbers(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        syntaxHighlighting(highlight),
        keymap.of([{ key: "Mod-Enter", run, preventDefault: true }, { key: "Escape", run: () => (options.onEscape(), true) }, ...defaultKeymap, ...historyKeymap]),
        javascript({ typescript: options.typescript }),
        errorLine,
        errorGutter,
        theme,
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ "aria-label": options.label }),
        ...(options.placeholder ? [placeholder(options.placeholder)] : []),
      ],
    }),
  });
  return {
    value: () => view.state.doc.toString(),
    setValue(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, effects: setError.of(null) });
    },
    focus: () => view.focus(),
    markError(at, moveCursor = false) {
      const effects = setError.of(at);
      if (!at || !moveCursor) return view.dispatch({ effects });
      const line = view.state.doc.line(Math.min(Math.max(1, at.line), view.state.doc.lines));
      const anchor = Math.min(line.from + Math.max(0, at.column - 1), line.to);
      view.dispatch({ effects, selection: { anchor }, scrollIntoView: true });
    },
    destroy: () => view.destroy(),
  };
}

// The element's editing surface: CodeMirror 6. It renders only the lines in view, keeps
// the findings' marks on their words while the text is edited (a tooltip lists the
// findings under the pointer, anywhere on a mark, or at the caret) and composes input
// methods as the browser does.

import { Compartment, EditorSelection, EditorState, StateEffect, StateField } from "@codemirror/state";
import { Decoration, EditorView, keymap, placeholder, showTooltip, ViewPlugin } from "@codemirror/view";
import { history, historyKeymap, insertNewline, selectAll } from "@codemirror/commands";
import { search, searchKeymap } from "@codemirror/search";

// The findings' marks, each with its message, moved with the edits.
const setFindings = StateEffect.define();
const findings = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    marks = marks.map(tr.changes);
    for (const e of tr.effects) if (e.is(setFindings)) marks = e.value;
    return marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// The findings at a place: their messages and the stretch their marks cover.
function findingsAt(state, pos) {
  const messages = [];
  let from = pos;
  let to = pos;
  state.field(findings).between(pos, pos + 1, (a, b, mark) => {
    if (a <= pos && pos < b) {
      messages.push([mark.spec.severity, mark.spec.message]);
      from = Math.min(from, a);
      to = Math.max(to, b);
    }
  });
  return messages.length ? { from, to, messages } : null;
}

// The tooltip shown: over a mark the pointer is on, or at the caret in a mark.
const setTip = StateEffect.define();
const tip = StateField.define({
  create: () => null,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setTip)) value = e.value;
    if (tr.docChanged) return null;
    // At the caret, moved there by the keys or a click: the findings there.
    if (tr.selection && tr.isUserEvent("select")) {
      const main = tr.state.selection.main;
      value = main.empty ? findingsAt(tr.state, main.head) : null;
    }
    return value;
  },
  provide: (f) => showTooltip.from(f, (t) => t && {
    pos: t.from,
    end: t.to,
    above: true,
    create: () => {
      const dom = document.createElement("ul");
      dom.className = "cm-tooltip-finding";
      dom.setAttribute("role", "tooltip");
      for (const [severity, message] of t.messages) {
        const li = document.createElement("li");
        li.className = `cm-tooltip-${severity}`;
        li.textContent = message;
        dom.append(li);
      }
      return { dom };
    },
  }),
});

// The pointer anywhere on a mark (its element, every part of every line it wraps over)
// shows its findings; off the marks, and out of the text, the tooltip goes.
const hover = ViewPlugin.fromClass(class {}, {
  eventHandlers: {
    mousemove(e, view) {
      const mark = e.target instanceof Element ? e.target.closest(".cm-finding") : null;
      const at = mark ? findingsAt(view.state, view.posAtDOM(mark, 0)) : null;
      const shown = view.state.field(tip);
      if (at) {
        if (at.from !== shown?.from || at.to !== shown?.to) view.dispatch({ effects: setTip.of({ ...at, pointer: true }) });
      } else if (shown?.pointer) {
        view.dispatch({ effects: setTip.of(null) });
      }
    },
    mouseleave(e, view) {
      if (view.state.field(tip)?.pointer) view.dispatch({ effects: setTip.of(null) });
    },
  },
});

// The finding shown now (F8, a click in the list): outlined, and moved with the edits.
const setCurrent = StateEffect.define();
const currentMark = Decoration.mark({ class: "cm-current" });
const current = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    marks = marks.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setCurrent)) continue;
      const r = e.value;
      marks = r && r.to > r.from ? Decoration.set([currentMark.range(r.from, r.to)]) : Decoration.none;
    }
    return marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// Tints and underlines drawn as gradients: neither a background colour (a browser copies a
// deleted word's colours onto the typing that replaces it, as an inline style a strict
// policy refuses) nor an image URL (a portal's policy may refuse data: images).
const solid = (name, fallback) => `linear-gradient(var(${name}, ${fallback}), var(${name}, ${fallback}))`;
// An underline (2px) over a tint, or a tint alone.
const marked = (images) => ({ backgroundImage: images.join(", "), backgroundRepeat: "no-repeat", backgroundPosition: "left bottom, 0 0",
  backgroundSize: images.length > 1 ? "100% 2px, 100% 100%" : "100% 100%", paddingBottom: "0" });

const theme = EditorView.theme({
  "&": { height: "100%", backgroundColor: "var(--plancheck-paper, #fff)", color: "var(--plancheck-ink, #1f2328)",
    border: "1px solid var(--plancheck-line, #d0d7de)", borderRadius: "var(--plancheck-radius, 6px)", boxSizing: "border-box" },
  "&.cm-focused": { outline: "2px solid var(--plancheck-accent, #0969da)" },
  ".cm-scroller": { fontFamily: "var(--plancheck-font)", fontSize: "15px", lineHeight: "1.7", overflow: "auto" },
  ".cm-content": { padding: "10px 0", caretColor: "var(--plancheck-ink, #1f2328)" },
  ".cm-line": { padding: "0 12px", wordBreak: "break-all" },
  ".cm-finding-error": marked([solid("--plancheck-error", "#cf222e"), solid("--plancheck-error-bg", "#ffebe9")]),
  ".cm-finding-warning": marked([solid("--plancheck-warning", "#9a6700"), solid("--plancheck-warning-bg", "#fff8c5")]),
  ".cm-finding-info": marked([solid("--plancheck-info-bg", "#ddf4ff")]),
  ".cm-searchMatch": { backgroundColor: "initial", backgroundImage: solid("--plancheck-search-bg", "#fff3a8") },
  ".cm-searchMatch-selected": { backgroundColor: "initial", backgroundImage: solid("--plancheck-search-current-bg", "#ffd33d") },
  ".cm-current": { outline: "2px solid var(--plancheck-accent, #0969da)", borderRadius: "2px" },
  ".cm-tooltip-finding": { fontFamily: "var(--plancheck-font)", fontSize: "13px", maxWidth: "28em", margin: 0,
    padding: "4px 8px 4px 20px", background: "var(--plancheck-paper, #fff)", color: "var(--plancheck-ink, #1f2328)" },
  ".cm-tooltip-error": { listStyle: "square", color: "var(--plancheck-error, #cf222e)" },
  ".cm-tooltip-error, .cm-tooltip-warning, .cm-tooltip-info": { padding: "2px 0" },
  ".cm-placeholder": { color: "var(--plancheck-muted, #57606a)" },
});

/** An editor inside `parent` (in the element's shadow root). */
export class Editor {
  #view;
  #labels = new Compartment();

  /**
   * `onChange()` after each edit of the text; `onCaret(offset)` when the user moves the
   * caret (a click, the arrow keys). `readOnly`: shown and checked, not edited.
   */
  constructor(parent, { text = "", label = "", hint = "", readOnly = false, onChange, onCaret }) {
    const view = (this.#view = new EditorView({
      parent,
      state: EditorState.create({
        doc: text,
        extensions: [
          history(),
          search({ top: true }),
          keymap.of([{ key: "Enter", run: insertNewline }, { key: "Mod-a", run: selectAll }, ...historyKeymap, ...searchKeymap]),
          EditorView.lineWrapping,
          EditorState.readOnly.of(readOnly),
          EditorView.editable.of(!readOnly),
          current,
          findings,
          tip,
          hover,
          theme,
          this.#labels.of(Editor.#labelled(label, hint)),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) onChange?.();
            if (u.selectionSet && u.transactions.some((tr) => tr.isUserEvent("select"))) onCaret?.(u.state.selection.main.head);
          }),
        ],
      }),
    }));
    // The scroller is reached by the keyboard too (a read-only text scrolls with the arrows).
    view.scrollDOM.tabIndex = 0;
    view.scrollDOM.setAttribute("aria-label", label);
  }

  static #labelled(label, hint) {
    return [EditorView.contentAttributes.of({ "aria-label": label, spellcheck: "false" }), placeholder(hint)];
  }

  /** The editor's outer element. */
  get dom() {
    return this.#view.dom;
  }

  /** The element that takes the keys, role `textbox`. */
  get content() {
    return this.#view.contentDOM;
  }

  /** The text. */
  get value() {
    return this.#view.state.doc.toString();
  }

  /** Replaces the whole text (not undoable into the text before: a new document). */
  set value(text) {
    const view = this.#view;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 } });
  }

  /** Whether an input method is composing. */
  get composing() {
    return this.#view.composing || this.#view.compositionStarted;
  }

  /** The selection, as UTF-16 offsets. */
  get selection() {
    const { from, to } = this.#view.state.selection.main;
    return { start: from, end: to };
  }

  relabel(label, hint) {
    this.#view.dispatch({ effects: this.#labels.reconfigure(Editor.#labelled(label, hint)) });
  }

  /** The findings as marks: `[{from, to, severity, message}]`. */
  mark(diagnostics) {
    const length = this.#view.state.doc.length;
    const marks = diagnostics
      .filter((d) => d.to <= length && d.to > d.from)
      .map((d) => Decoration.mark({ class: `cm-finding cm-finding-${d.severity}`, severity: d.severity, message: d.message }).range(d.from, d.to));
    this.#view.dispatch({ effects: [setFindings.of(Decoration.set(marks, true)), setCurrent.of(null), setTip.of(null)] });
  }

  /** Outlines `span` as the current finding's, or nothing. */
  outline(span) {
    const length = this.#view.state.doc.length;
    const ok = span && span.end <= length;
    this.#view.dispatch({ effects: setCurrent.of(ok ? { from: span.start, to: span.end } : null) });
  }

  /** Scrolls `span` into the middle of the view, without selecting it or taking focus. */
  reveal(span) {
    const at = Math.min(span.start, this.#view.state.doc.length);
    this.#view.dispatch({ effects: EditorView.scrollIntoView(at, { y: "center" }) });
  }

  /** Selects `span` and focuses the text. */
  select(span) {
    const length = this.#view.state.doc.length;
    const range = EditorSelection.range(Math.min(span.start, length), Math.min(span.end, length));
    this.#view.dispatch({ selection: range, effects: EditorView.scrollIntoView(range, { y: "center" }) });
    this.#view.focus();
  }

  destroy() {
    this.#view.destroy();
  }
}

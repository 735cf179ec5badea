// The text the element checks: its own editor (with the form's textarea inside the
// element kept in sync, for the form to submit), or a textarea elsewhere on the page
// (`for`), checked where it is.

import { Editor } from "./editor.js";

// Texts shorter than this are copied into the wrapped textarea at each check.
const SYNC_AT_ONCE = 200000;

export class TextBinding {
  editor = null;
  textarea = null;
  // Edits to the text, counted: a check's report is shown only for the text it checked.
  edits = 0;
  #text = { edits: -1, value: "" };
  // Whether the user edited the text since it was last copied into the wrapped textarea.
  #typed = false;
  // While the binding itself writes the wrapped textarea, or the editor.
  #syncing = false;
  #writing = false;
  // A copy into the wrapped textarea waiting for the page to be idle.
  #idle = 0;
  #composing = false;
  #listeners = [];

  /**
   * `on`: `input(announce = true)` after an edit not made by the element, `typed()` when an
   * input method's word is done, `hold()` when one starts, `caret(at)` as the caret moves.
   */
  constructor(on) {
    this.on = on;
  }

  get composing() {
    return this.#composing || Boolean(this.editor?.composing);
  }

  get value() {
    if (this.editor) {
      // The editor's text as one string, made once an edit.
      if (this.#text.edits !== this.edits) this.#text = { edits: this.edits, value: this.editor.value };
      return this.#text.value;
    }
    return this.textarea ? this.textarea.value : "";
  }

  /** Replaces the text (not an edit by the user); false when there is nowhere to put it. */
  setText(text) {
    if (this.editor) {
      this.#write(text);
      this.sync(text);
    } else if (this.textarea) {
      this.textarea.value = text;
    } else {
      return false;
    }
    this.edits += 1;
    return true;
  }

  get selection() {
    if (this.editor) return this.editor.selection;
    const ta = this.textarea;
    return { start: ta?.selectionStart ?? 0, end: ta?.selectionEnd ?? 0 };
  }

  select(span) {
    if (this.editor) {
      this.editor.select(span);
      return;
    }
    if (!this.textarea) return;
    this.textarea.focus();
    this.textarea.setSelectionRange(span.start, span.end);
  }

  /** Binds to the textarea with id `id` (found from `host`), or to an editor in `wrap`. */
  attach(host, id, wrap, t) {
    this.detach();
    const on = (target, type, fn, capture = false) => {
      target.addEventListener(type, fn, capture);
      this.#listeners.push([target, type, fn, capture]);
    };
    if (id) {
      const root = host.getRootNode();
      const ta = (root.getElementById ? root.getElementById(id) : null) || document.getElementById(id);
      this.editor?.destroy();
      this.editor = null;
      this.textarea = ta instanceof HTMLTextAreaElement ? ta : null;
      if (!this.textarea) return false;
      on(ta, "input", () => {
        this.edits += 1;
        this.on.input();
      });
      on(ta, "compositionstart", () => {
        this.#composing = true;
        this.on.hold();
      });
      on(ta, "compositionend", () => {
        this.#composing = false;
        this.on.typed();
      });
      return true;
    }
    // A form's textarea inside the element is not shown (the editor is), but its value is
    // the text, for the form to submit.
    const ta = host.querySelector("textarea");
    this.textarea = ta;
    if (!this.editor) {
      this.editor = new Editor(wrap, {
        text: ta?.value ?? "",
        label: ta?.getAttribute("aria-label") || t.text,
        hint: ta?.placeholder || t.placeholder,
        // A read-only or disabled textarea is shown as it is: read, checked, not edited.
        readOnly: Boolean(ta && (ta.readOnly || ta.disabled)),
        onChange: () => this.#edited(),
        onCaret: (at) => this.on.caret(at),
      });
      // An input method's last word may come without a change of its own.
      on(this.editor.content, "compositionend", () => setTimeout(() => this.on.typed()));
    } else if (ta && ta.value !== this.editor.value) {
      this.#write(ta.value);
    }
    if (!ta) return true;
    // A script that writes the textarea, and says so with `input`, writes the text.
    on(ta, "input", () => {
      if (this.#syncing) return;
      this.#write(ta.value);
      this.on.input(false);
    });
    // A form submitted within the pause after a keystroke still sends the last one.
    if (ta.form) on(ta.form, "submit", () => this.sync(), true);
    return true;
  }

  detach() {
    for (const [target, type, fn, capture] of this.#listeners) target.removeEventListener(type, fn, capture);
    this.#listeners = [];
  }

  // The editor's text replaced by the element (not by the user).
  #write(text) {
    this.#writing = true;
    try {
      this.editor.value = text;
    } finally {
      this.#writing = false;
    }
    this.#typed = false;
  }

  // After each change in the editor.
  #edited() {
    this.edits += 1;
    if (this.#writing) return;
    this.#typed = true;
    this.on.input();
  }

  /**
   * A short text is copied into the wrapped textarea at once; a long one (a copy of a
   * megabyte takes a few milliseconds) when the page is idle, and before a submit.
   */
  syncSoon(text) {
    if (!this.editor || !this.textarea) return;
    if (text.length < SYNC_AT_ONCE) {
      this.sync(text);
      return;
    }
    if (this.#idle) return;
    const run = () => {
      this.#idle = 0;
      this.sync();
    };
    this.#idle = globalThis.requestIdleCallback ? requestIdleCallback(run, { timeout: 1000 }) : setTimeout(run, 250);
  }

  // The wrapped textarea gets the editor's text, so that the form submits it; an edit by
  // the user is announced to the page as the textarea's `input`.
  sync(text = this.value) {
    const ta = this.textarea;
    if (!this.editor || !ta || ta.value === text) return;
    this.#syncing = true;
    try {
      ta.value = text;
      if (this.#typed) ta.dispatchEvent(new Event("input", { bubbles: true }));
    } finally {
      this.#syncing = false;
      this.#typed = false;
    }
  }
}

// <plan-checker>: the custom element. It wires the parts, each a module of its own: the
// text (binding.js), checking (checking.js), the results (results.js, findings-list.js),
// moving between findings (navigation.js), the reviewer's work (reviewing.js). Its
// attributes, properties, methods and events are documented once, in plan-checker.d.ts.

import { STRINGS } from "./strings.js";
import { messageOf } from "./worker-client.js";
import { TextBinding } from "./binding.js";
import { Checking, NATIONAL, offThread } from "./checking.js";
import { readPlanFile } from "./files.js";
import { buildParts, relabel, showStatus } from "./layout.js";
import { Navigator } from "./navigation.js";
import { changed, clearResults, marksOf, printing, renderResults } from "./results.js";
import { Reviewing } from "./reviewing.js";

export { readPlanFile };

const DEBOUNCE_MS = 120;

// Outside a browser (a server rendering the portal's pages imports this module) there is
// no HTMLElement: the class is then defined over a plain base and not registered.
const ElementBase = globalThis.HTMLElement ?? class {};

export class PlanCheckerElement extends ElementBase {
  static observedAttributes = ["template", "severity", "lang", "for", "worker", "worker-threshold", "review"];

  #shadow = null;
  #parts = {};
  #text = new TextBinding({
    input: (announce = true) => {
      this.#source = null;
      if (announce) this.#emit("plancheck-input");
      this.#schedule();
    },
    typed: () => this.#schedule(),
    hold: () => clearTimeout(this.#timer),
    caret: (at) => this.#report && this.#nav.atCaret(at),
  });
  #checking = new Checking();
  #nav = new Navigator(null, () => this.#text.editor);
  #reviewing = new Reviewing({
    selection: () => this.selection,
    report: () => this.#report,
    text: () => this.value,
    template: () => this.#checking.json,
    original: () => this.#original,
    changed: () => this.#report && this.#render(),
  });
  #ready = false;
  #seq = 0;
  #timer = 0;
  #report = null;
  #source = null;
  // The Word file the text was opened from, while the text is as read from it.
  #original = null;
  // What the user chose: a severity to list (a count clicked), 提示 hidden, all listed.
  #view = { only: null, hideInfo: false, listAll: false, change: "" };

  #print = (e) => this.#report && printing(e, this.#view, this.#parts, () => this.#render());

  connectedCallback() {
    for (const type of ["beforeprint", "afterprint"]) globalThis.addEventListener?.(type, this.#print);
    if (!this.#shadow) this.#build();
    this.#attach();
    this.#loadTemplate().catch(() => {});
  }

  disconnectedCallback() {
    for (const type of ["beforeprint", "afterprint"]) globalThis.removeEventListener?.(type, this.#print);
    this.#text.detach();
    clearTimeout(this.#timer);
    this.#checking.stop();
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#shadow || !this.isConnected || old === value) return;
    if (name === "template") this.#loadTemplate().catch(() => {});
    else if (name === "for") {
      this.#attach();
      this.check();
    } else if (name === "lang") {
      this.#labels();
      if (this.#report) this.#render();
    } else if (name === "severity") this.check();
    else if (name === "review" && this.#report) this.#render();
  }

  get report() {
    return this.#report;
  }

  get verdict() {
    return this.dataset.verdict || "empty";
  }

  get textarea() {
    return this.#text.textarea;
  }

  get selection() {
    return this.#text.selection;
  }

  get value() {
    return this.#text.value;
  }

  set value(text) {
    this.#source = null;
    this.#original = null;
    if (this.#text.setText(String(text ?? ""))) this.check();
  }

  get template() {
    return this.#checking.template;
  }

  get #lang() {
    return (this.getAttribute("lang") || "zh-CN").toLowerCase().startsWith("en") ? "en" : "zh-CN";
  }

  get #strings() {
    return STRINGS[this.#lang];
  }

  async setTemplate(template) {
    if (typeof template === "string" && !template.trimStart().startsWith("{")) {
      this.setAttribute("template", template);
      return this.#loadTemplate();
    }
    return this.#loadTemplate(typeof template === "string" ? template : JSON.stringify(template));
  }

  async check() {
    clearTimeout(this.#timer);
    this.#timer = 0;
    if (!this.#ready || (!this.#text.textarea && !this.#text.editor)) return null;
    const text = this.value;
    this.#text.syncSoon(text);
    const edits = this.#text.edits;
    const seq = ++this.#seq;
    try {
      // A long text is checked in a worker; a short one at once.
      const off = offThread(this, text) && !this.#checking.workerFailed;
      const report = off ? await this.#checking.run(text, this.#options(), () => this.#status(this.#strings.checking)) : this.#checking.now(text, this.#options());
      if (!report || seq !== this.#seq || this.#text.edits !== edits) return null;
      this.#view.change = changed(this.#strings, this.#report, report);
      this.#report = report;
      this.#view.listAll = false;
      this.#render();
      this.#emit("plancheck-report", report);
      return report;
    } catch (e) {
      // A report of another text would mislead: clear it.
      if (seq === this.#seq) this.#failed(this.#strings.failed(messageOf(e)));
      return null;
    }
  }

  markdown(name = "") {
    if (!this.#ready) return "";
    const decisions = this.hasAttribute("review") ? this.decisions : undefined;
    return this.#checking.markdown(this.value, name, this.#options(), this.#lang, decisions);
  }

  async openFile(file) {
    const { text, source } = await readPlanFile(file, this.getAttribute("lang"));
    this.value = text;
    this.#source = source;
    this.#original = source.kind === "docx" ? { bytes: source.bytes, text } : null;
    return this.#report;
  }

  // The reviewer's work (with `review`), done by reviewing.js: what they decided, their
  // comments, the draft handed back with 批注 and the 意见反馈表.
  static {
    for (const name of ["decide", "addComment", "removeComment", "returnedDraft", "feedbackForm", "reviewReport"]) {
      this.prototype[name] = function (...args) {
        return this.#reviewing[name](...args);
      };
    }
    for (const name of ["decisions", "returnsOriginal"]) {
      Object.defineProperty(this.prototype, name, { get() { return this.#reviewing[name]; }, configurable: true });
    }
  }

  get source() {
    return this.#source;
  }

  select(span) {
    this.#text.select(span);
  }

  #options() {
    const min = this.getAttribute("severity");
    return min === "error" || min === "warning" || min === "info" ? { minSeverity: min } : {};
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  #build() {
    this.#shadow = this.attachShadow({ mode: "open" });
    const p = (this.#parts = buildParts(this.#shadow));
    this.#nav.wire(this, this.#shadow, p);
    p.group.addEventListener("change", () => this.#report && this.#render());
    p.hideInfo.addEventListener("change", () => {
      this.#view.hideInfo = p.hideInfo.checked;
      if (this.#report) this.#render();
    });
    this.#labels();
    this.dataset.verdict = "empty";
    const wasm = typeof WebAssembly !== "undefined";
    this.#status(wasm ? this.#strings.loading : this.#strings.noWasm, !wasm);
  }

  #labels() {
    relabel(this.#parts, this.#strings);
    this.#text.editor?.relabel(this.#strings.text, this.#strings.placeholder);
  }

  #attach() {
    const id = this.getAttribute("for");
    const bound = this.#text.attach(this, id, this.#parts.wrap, this.#strings);
    // A textarea elsewhere on the page stays where it is: checked as typed in, not marked.
    this.#parts.layout.classList.toggle("external", Boolean(id));
    if (!bound) this.#fail(this.#strings.noTextarea(id));
  }

  #schedule() {
    if (this.#text.composing) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.check(), DEBOUNCE_MS);
  }

  // Loads the `template` attribute's template, or the JSON given; throws, after showing
  // it, when the template cannot be loaded or is malformed.
  async #loadTemplate(json) {
    try {
      const got = json === undefined ? await this.#checking.load(this.getAttribute("template") || NATIONAL, this.#strings) : await this.#checking.given(json);
      if (!got) return this.template;
      this.#checking.use(got.json);
    } catch (e) {
      this.#ready = false;
      this.#failed(e && e.module ? e.message : this.#strings.templateFailed(messageOf(e)));
      throw e;
    }
    this.#ready = true;
    performance.mark("plancheck:template-ready");
    this.#emit("plancheck-ready", this.template);
    this.check();
    return this.template;
  }

  // A failure that leaves no report: the results cleared, the message shown and sent.
  #failed(text) {
    this.#report = null;
    clearResults(this.#parts);
    this.#text.editor?.mark([]);
    this.dataset.verdict = "empty";
    this.#nav.current = -1;
    this.#fail(text);
  }

  #fail(text) {
    this.#status(text, true);
    this.#emit("plancheck-error", { message: text });
  }

  #status(text, failed = false) {
    showStatus(this.#parts, text, failed);
  }

  #render() {
    const r = this.#report;
    const t = this.#strings;
    const reviewing = this.hasAttribute("review");
    if (reviewing) this.#reviewing.review.load(r.document.title, this.value);
    const view = { ...this.#view, state: this.#view, report: r, strings: t, lang: this.#lang, text: this.value, group: this.#parts.group.value, minSeverity: this.#options().minSeverity, reviewing, review: this.#reviewing.review };
    const verdict = renderResults(this.#parts, view, {
      show: (item) => this.#nav.show(item),
      showSpan: (span) => this.#nav.showSpan(span),
      decide: (f, status, reason) => this.decide(f, status, reason),
      removeComment: (k) => this.removeComment(k),
      rerender: () => this.#render(),
    });
    this.dataset.verdict = verdict;
    this.#nav.current = -1;
    const checked = t.checked(r.document.title);
    this.#status(verdict === "empty" ? "" : this.#view.change ? `${checked}；${this.#view.change}` : checked);
    this.#text.editor?.mark(marksOf(r));
  }
}

if (typeof customElements !== "undefined" && !customElements.get("plan-checker")) {
  customElements.define("plan-checker", PlanCheckerElement);
}

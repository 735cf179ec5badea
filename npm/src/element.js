// <plan-checker>: the custom element.

import { check, PlanChecker, reportMarkdown, templates } from "./plancheck.js";
import { readDocxOffThread } from "./docx-client.js";
import { DOCX_TYPE, MAX_DOCX_BYTES, MAX_INPUT_BYTES } from "./limits.js";
import { STRINGS } from "./strings.js";
import { CSS, MIRRORED } from "./styles.js";
import { load, messageOf, WorkerChecker, WorkerFailure } from "./worker-client.js";

const NATIONAL = "national-2024";
const DEFAULT_WORKER_THRESHOLD = 20000;
const DEBOUNCE_MS = 120;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

// Outside a browser (a server rendering the portal's pages imports this module) there is
// no HTMLElement: the class is then defined over a plain base and not registered.
const ElementBase = globalThis.HTMLElement ?? class {};

export class PlanCheckerElement extends ElementBase {
  static observedAttributes = ["template", "severity", "lang", "for", "worker", "worker-threshold"];

  #shadow = null;
  #parts = {};
  #textarea = null;
  #own = null;
  #external = false;
  #checker = null;
  #templateJson = null;
  #template = null;
  #worker = null;
  #loadToken = 0;
  #seq = 0;
  #timer = 0;
  #composing = false;
  #report = null;
  #ready = false;
  #listeners = [];
  #workerFailed = false;
  #source = null;

  connectedCallback() {
    if (!this.#shadow) this.#build();
    this.#attach();
    this.#loadTemplate().catch(() => {});
  }

  disconnectedCallback() {
    this.#detach();
    clearTimeout(this.#timer);
    this.#worker?.terminate();
    this.#worker = null;
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
  }

  /** The last report, or `null`. */
  get report() {
    return this.#report;
  }

  /** The textarea being checked. */
  get textarea() {
    return this.#textarea;
  }

  /** The text being checked; setting it checks at once. */
  get value() {
    return this.#textarea ? this.#textarea.value : "";
  }

  set value(text) {
    this.#source = null;
    this.#setText(text);
  }

  #setText(text) {
    if (!this.#textarea) return;
    this.#textarea.value = String(text ?? "");
    this.check();
  }

  /** The loaded template's id, name and horizon, or `null` while loading. */
  get template() {
    return this.#template;
  }

  get #strings() {
    return (this.getAttribute("lang") || "zh-CN").toLowerCase().startsWith("en") ? STRINGS.en : STRINGS["zh-CN"];
  }

  /**
   * Uses another template: a built-in id, a URL of a template's JSON, the JSON text or the
   * template as an object. Resolves to the template's id, name and horizon; rejects (and
   * shows the error) when it is malformed, naming the field.
   */
  async setTemplate(template) {
    if (typeof template === "string" && !template.trimStart().startsWith("{")) {
      this.setAttribute("template", template);
      return this.#loadTemplate();
    }
    const token = ++this.#loadToken;
    await load();
    if (token !== this.#loadToken) return this.#template;
    return this.#useTemplate(typeof template === "string" ? template : JSON.stringify(template));
  }

  /**
   * Checks now (the element also checks by itself as the user types). Resolves to the
   * report, or to `null` when the text changed before the check finished.
   */
  async check() {
    clearTimeout(this.#timer);
    this.#timer = 0;
    if (!this.#ready || !this.#textarea) return null;
    const text = this.#textarea.value;
    const seq = ++this.#seq;
    const options = this.#options();
    try {
      let report;
      if (this.#useWorker(text)) {
        this.#worker ??= new WorkerChecker({ template: this.#templateJson });
        this.#status(this.#strings.checking);
        try {
          report = await this.#worker.check(text, options);
        } catch (e) {
          // A worker that cannot start (offline before its script was fetched, a
          // policy forbidding workers) must not stop the checking: do it here instead.
          if (!(e instanceof WorkerFailure)) throw e;
          this.#workerFailed = true;
          this.#worker.terminate();
          this.#worker = null;
          if (seq !== this.#seq) return null;
          report = this.#checker ? this.#checker.check(text, options) : check(text, options);
        }
      } else {
        report = this.#checker ? this.#checker.check(text, options) : check(text, options);
      }
      if (!report || seq !== this.#seq || this.#textarea.value !== text) return null;
      this.#report = report;
      this.#render();
      this.dispatchEvent(new CustomEvent("plancheck-report", { detail: report, bubbles: true, composed: true }));
      return report;
    } catch (e) {
      if (seq === this.#seq) {
        // A report of another text would mislead: clear it.
        this.#report = null;
        this.#clear();
        this.#fail(this.#strings.failed(messageOf(e)));
      }
      return null;
    }
  }

  /** The current text's report as Markdown, headed by `name` (a file name), for a memo. */
  markdown(name = "") {
    if (!this.#ready) return "";
    const text = this.value;
    const options = this.#options();
    return this.#checker ? this.#checker.reportMarkdown(text, name, options) : reportMarkdown(text, name, options);
  }

  /**
   * Opens a file the user picked: its text replaces the textarea's. Rejects with a message
   * for the user when the file cannot be read as a plan.
   */
  async openFile(file) {
    const t = this.#strings;
    const name = file.name;
    const word = /\.docx$/i.test(name) || file.type === DOCX_TYPE;
    if (/\.(doc|wps)$/i.test(name)) throw new Error(t.docx["legacy-doc"](name));
    if (!word && !/\.txt$/i.test(name) && file.type !== "text/plain") throw new Error(t.unsupported(name));
    const limit = word ? MAX_DOCX_BYTES : MAX_INPUT_BYTES;
    if (file.size > limit) throw new Error((word ? t.docxTooLarge : t.tooLarge)(name, (file.size / 1048576).toFixed(1)));
    const bytes = new Uint8Array(await file.arrayBuffer());
    // By content: a Word file saved under another name is read all the same.
    if (word || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4)) {
      return this.#openDocx(name, bytes);
    }
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
      throw new Error(t.docx["legacy-doc"](name));
    }
    let text;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new Error(t.notText(name));
    }
    if (text.includes("\u0000")) throw new Error(t.notText(name));
    this.#source = { name, kind: "text" };
    this.#setText(text);
    return this.#report;
  }

  /**
   * Where the text came from, after `openFile`: `{name, kind: "text"}`, or for a Word
   * file `{name, kind: "docx", paragraphs, numbered, tables, insertions, deletions,
   * comments}` — tracked changes are read as accepted, comments are not checked.
   * `null` once the text is edited by hand or set by script.
   */
  get source() {
    return this.#source;
  }

  async #openDocx(name, bytes) {
    const t = this.#strings;
    let doc;
    try {
      doc = await readDocxOffThread(bytes);
    } catch (e) {
      const kind = e && e.kind;
      throw new Error(kind && t.docx[kind] ? t.docx[kind](name) : t.docx.failed(name, messageOf(e)));
    }
    if (new TextEncoder().encode(doc.text).length > MAX_INPUT_BYTES) {
      throw new Error(t.tooLarge(name, (doc.text.length / 1048576).toFixed(1)));
    }
    const { text, ...about } = doc;
    this.#source = { name, kind: "docx", ...about };
    this.#setText(text);
    return this.#report;
  }

  /** Selects a span (from a finding) in the text and scrolls it into view. */
  select(span) {
    const ta = this.#textarea;
    if (!ta) return;
    ta.focus();
    ta.setSelectionRange(span.start, span.end);
    if (!this.#external) {
      ta.scrollTop = Math.max(0, this.#topOf(span.start) - ta.clientHeight / 3);
      this.#syncScroll();
    }
  }

  #options() {
    const min = this.getAttribute("severity");
    return min === "error" || min === "warning" || min === "info" ? { minSeverity: min } : {};
  }

  #useWorker(text) {
    const mode = this.getAttribute("worker") || "auto";
    if (mode === "never" || this.#workerFailed || typeof Worker === "undefined") return false;
    if (mode === "always") return true;
    const threshold = Number(this.getAttribute("worker-threshold") || DEFAULT_WORKER_THRESHOLD);
    return text.length >= threshold;
  }

  #build() {
    this.#shadow = this.attachShadow({ mode: "open" });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    this.#shadow.adoptedStyleSheets = [sheet];
    const p = (this.#parts = {
      layout: el("div", { class: "layout", part: "layout" }),
      editor: el("div", { class: "editor", part: "editor" }),
      wrap: el("div", { class: "textwrap" }),
      backdrop: el("div", { class: "backdrop", part: "backdrop", "aria-hidden": "true" }),
      slot: el("slot"),
      results: el("section", { class: "results", part: "results" }),
      status: el("div", { id: "status", class: "status", part: "status", role: "status", "aria-live": "polite" }),
      summary: el("div", { id: "summary", class: "summary", part: "summary" }),
      reading: el("p", { id: "reading", class: "reading", part: "reading", hidden: "" }),
      groupLabel: el("span"),
      group: el("select", { id: "group" }),
      hFindings: el("h2"),
      findings: el("div", { id: "findings", part: "findings" }),
      hCategories: el("h2"),
      categories: el("ul", { id: "categories", class: "categories", part: "categories" }),
      hIndicators: el("h2"),
      indicators: el("ul", { id: "indicators", class: "indicators", part: "indicators" }),
    });
    p.group.append(el("option", { value: "severity" }), el("option", { value: "rule" }));
    p.group.addEventListener("change", () => this.#report && this.#render());
    p.findings.addEventListener("keydown", (e) => this.#onFindingKey(e));
    p.wrap.append(p.backdrop, p.slot);
    p.editor.append(p.wrap);
    p.results.append(p.status, p.summary, p.reading, el("div", { class: "controls", part: "controls" }, el("label", {}, p.groupLabel, " ", p.group)),
      p.hFindings, p.findings, p.hCategories, p.categories, p.hIndicators, p.indicators);
    p.layout.append(p.editor, p.results);
    this.#shadow.append(p.layout);
    this.#labels();
    this.#status(this.#strings.loading);
  }

  #labels() {
    const t = this.#strings;
    const p = this.#parts;
    p.groupLabel.textContent = t.group;
    p.group.options[0].textContent = t.bySeverity;
    p.group.options[1].textContent = t.byRule;
    p.hFindings.textContent = t.findings;
    p.hCategories.textContent = t.categories;
    p.hIndicators.textContent = t.indicators;
    p.results.setAttribute("aria-label", t.results);
    if (this.#own) {
      this.#own.setAttribute("aria-label", t.text);
      this.#own.placeholder = t.placeholder;
    }
  }

  #attach() {
    this.#detach();
    const id = this.getAttribute("for");
    let ta = null;
    if (id) {
      const root = this.getRootNode();
      ta = (root.getElementById ? root.getElementById(id) : null) || document.getElementById(id);
      if (!(ta instanceof HTMLTextAreaElement)) {
        this.#textarea = null;
        this.#fail(this.#strings.noTextarea(id));
        return;
      }
    } else {
      ta = this.querySelector("textarea");
    }
    this.#external = Boolean(id);
    this.#parts.layout.classList.toggle("external", this.#external);
    if (!ta) {
      if (!this.#own) {
        this.#own = el("textarea", { spellcheck: "false", part: "textarea" });
        this.#labels();
      }
      ta = this.#own;
      if (!ta.isConnected) this.#parts.wrap.append(ta);
    } else {
      this.#own?.remove();
    }
    this.#textarea = ta;
    if (!this.#external) {
      ta.spellcheck = false;
      ta.setAttribute("wrap", "soft");
    }
    const on = (type, fn) => {
      ta.addEventListener(type, fn);
      this.#listeners.push([ta, type, fn]);
    };
    on("input", () => {
      this.#source = null;
      this.#schedule();
    });
    on("compositionstart", () => {
      this.#composing = true;
      clearTimeout(this.#timer);
    });
    on("compositionend", () => {
      this.#composing = false;
      this.#schedule();
    });
    on("scroll", () => this.#syncScroll());
  }

  #detach() {
    for (const [target, type, fn] of this.#listeners) target.removeEventListener(type, fn);
    this.#listeners = [];
  }

  #schedule() {
    if (this.#composing) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.check(), DEBOUNCE_MS);
  }

  async #loadTemplate() {
    const key = this.getAttribute("template") || NATIONAL;
    const token = ++this.#loadToken;
    const t = this.#strings;
    let json = null;
    try {
      await load();
      if (!templates().some((info) => info.id === key)) {
        let response;
        try {
          response = await fetch(new URL(key, document.baseURI));
        } catch (e) {
          throw new Error(t.fetchFailed(key, messageOf(e)));
        }
        if (!response.ok) throw new Error(t.fetchFailed(key, `HTTP ${response.status}`));
        json = await response.text();
      }
    } catch (e) {
      if (token === this.#loadToken) this.#templateError(messageOf(e));
      throw e;
    }
    if (token !== this.#loadToken) return this.#template;
    return this.#useTemplate(json);
  }

  // Throws, after showing it, when the template is malformed.
  #useTemplate(json) {
    let next = null;
    try {
      if (json !== null) next = new PlanChecker(json);
    } catch (e) {
      this.#templateError(messageOf(e));
      throw e;
    }
    this.#checker?.free();
    this.#checker = next;
    this.#templateJson = json;
    this.#template = next ? next.template : templates().find((info) => info.id === NATIONAL) || null;
    this.#worker?.terminate();
    this.#worker = null;
    this.#ready = true;
    performance.mark("plancheck:template-ready");
    this.dispatchEvent(new CustomEvent("plancheck-ready", { detail: this.#template, bubbles: true, composed: true }));
    this.check();
    return this.#template;
  }

  #templateError(message) {
    this.#ready = false;
    this.#report = null;
    this.#clear();
    this.#fail(this.#strings.templateFailed(message));
  }

  #fail(text) {
    this.#status(text, true);
    this.dispatchEvent(new CustomEvent("plancheck-error", { detail: { message: text }, bubbles: true, composed: true }));
  }

  #status(text, failed = false) {
    const s = this.#parts.status;
    s.textContent = text;
    s.classList.toggle("failed", failed);
  }

  #clear() {
    const p = this.#parts;
    for (const part of [p.summary, p.findings, p.categories, p.indicators, p.backdrop]) part.replaceChildren();
    p.reading.textContent = "";
    p.reading.hidden = true;
  }

  #render() {
    const r = this.#report;
    const t = this.#strings;
    const p = this.#parts;
    const s = r.summary;
    p.summary.replaceChildren(
      el("span", { class: "count error" }, t.count.error(s.errors)),
      el("span", { class: "count warning" }, t.count.warning(s.warnings)),
      el("span", { class: "count info" }, t.count.info(s.infos)),
      el("span", {}, t.assigned(s.assigned, s.tasks)),
      el("span", {}, t.sections(s.sections, s.categories)),
      el("span", {}, t.horizon(r.document.horizon, r.template.horizon)),
    );
    this.#status(t.checked(r.document.title));
    const note = r.document.reading ? t.reading(r.document.reading) : "";
    p.reading.textContent = note;
    p.reading.hidden = !note;

    const byRule = p.group.value === "rule";
    const groups = new Map(byRule ? [] : [["error", []], ["warning", []], ["info", []]]);
    for (const f of r.findings) {
      const key = byRule ? f.rule : f.severity;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(f);
    }
    const blocks = [];
    for (const [key, list] of groups) {
      if (!list.length) continue;
      const title = byRule ? key : t.severity[key];
      blocks.push(el("h3", {}, `${title}（${list.length}）`), el("ul", { class: "findings" }, ...list.map((f) => this.#findingItem(f))));
    }
    if (!blocks.length) blocks.push(el("p", { class: "ok" }, this.value.trim() ? t.none : t.empty));
    p.findings.replaceChildren(...blocks);

    p.categories.replaceChildren(...r.categories.map((c) =>
      el("li", { "data-category": c.id, "data-status": c.status, part: "category" },
        el("span", { class: "name" }, c.name), el("span", { class: "state" }, t.status[c.status] || c.status))));
    p.indicators.replaceChildren(...r.indicators.map((i) =>
      el("li", { "data-indicator": i.id, "data-status": i.status, class: i.expected ? "" : "local", part: "indicator" },
        el("span", { class: "mark", "aria-hidden": "true" }, i.status === "present" ? "✓" : "✗"), ` ${i.name}`)));
    this.#renderBackdrop();
  }

  #findingItem(f) {
    const t = this.#strings;
    const item = el("li", { "data-rule": f.rule, "data-severity": f.severity, tabindex: "0", role: "button", class: `finding ${f.severity}`, part: `finding finding-${f.severity}` },
      el("span", { class: "badge" }, t.severity[f.severity] || f.severity),
      el("span", { class: "where" }, t.line(f.span.line)),
      el("span", { class: "message" }, f.message),
      el("code", { class: "rule" }, f.rule));
    if (f.suggestion) item.append(el("div", { class: "suggestion" }, t.suggestion(f.suggestion)));
    item.addEventListener("click", () => this.select(f.span));
    item.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        this.select(f.span);
      }
    });
    return item;
  }

  // Up and down arrows move between findings.
  #onFindingKey(e) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const items = [...this.#parts.findings.querySelectorAll(".finding")];
    const at = items.indexOf(this.#shadow.activeElement);
    if (at < 0) return;
    e.preventDefault();
    items[Math.min(items.length - 1, Math.max(0, at + (e.key === "ArrowDown" ? 1 : -1)))].focus();
  }

  #renderBackdrop() {
    const backdrop = this.#parts.backdrop;
    backdrop.replaceChildren();
    if (this.#external || !this.#report) return;
    const style = getComputedStyle(this.#textarea);
    for (const k of MIRRORED) backdrop.style[k] = style[k];
    const value = this.#textarea.value;
    let at = 0;
    for (const f of [...this.#report.findings].sort((a, b) => a.span.start - b.span.start)) {
      const s = f.span;
      if (s.end <= s.start || s.start < at) continue;
      backdrop.append(value.slice(at, s.start), el("mark", { "data-severity": f.severity }, value.slice(s.start, s.end)));
      at = s.end;
    }
    backdrop.append(value.slice(at) + "\n");
    this.#syncScroll();
  }

  #syncScroll() {
    const b = this.#parts.backdrop;
    b.scrollTop = this.#textarea.scrollTop;
    b.scrollLeft = this.#textarea.scrollLeft;
  }

  // Where a character sits in the wrapped text, measured in the backdrop, which has the
  // textarea's font, padding and wrapping.
  #topOf(index) {
    const backdrop = this.#parts.backdrop;
    const saved = [...backdrop.childNodes];
    const probe = el("span", {}, "\u200b");
    backdrop.replaceChildren(this.#textarea.value.slice(0, index), probe);
    const top = probe.offsetTop;
    backdrop.replaceChildren(...saved);
    return top;
  }
}

if (typeof customElements !== "undefined" && !customElements.get("plan-checker")) {
  customElements.define("plan-checker", PlanCheckerElement);
}


// <plan-checker>: the custom element.

import { check, PlanChecker, reportMarkdown, rules, templates } from "./plancheck.js";
import { readDocxOffThread } from "./docx-client.js";
import { feedbackForm, returnedDraft, today } from "./handback-client.js";
import { decodeText } from "./encoding.js";
import { DOCX_TYPE, MAX_DOCX_BYTES, MAX_INPUT_BYTES } from "./limits.js";
import { STRINGS } from "./strings.js";
import { CSS } from "./styles.js";
import { Editor } from "./editor.js";
import { load, messageOf, WorkerChecker, WorkerFailure } from "./worker-client.js";

const NATIONAL = "national-2024";
const DEFAULT_WORKER_THRESHOLD = 20000;
const DEBOUNCE_MS = 120;
// Texts shorter than this are copied into the wrapped textarea at each check.
const SYNC_AT_ONCE = 200000;
// Findings listed at first; the rest on request.
const LISTED = 300;

// Each rule's one-line summary (and its English line), by id: findings are named by what
// they are, not by id.
let kinds = null;
function kindOf(id) {
  kinds ??= new Map(rules().map((r) => [r.id, r]));
  return kinds.get(id) || {};
}

// Markdown as the checker's reportMarkdown writes it, with its words in English.
function englishMarkdown(name, r, t) {
  const md = (s) => String(s ?? "").replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, " ")
    .replace(/[\\`*_[\]<>|#~!()]/g, "\\$&").replace(/:\/\//g, ":\\/\\/").replace(/www\./g, "www\\.");
  const s = r.summary;
  const out = [`# Check report: ${md(r.document.title || name)}`, "",
    `- File: ${md(name)}`, `- Template: ${md(r.template.name)}`,
    `- Result: ${t.count.error(s.errors)}, ${t.count.warning(s.warnings)}, ${t.count.info(s.infos)}; ${s.tasks} tasks, ${s.assigned} with a responsible unit; ${s.targets} targets`, ""];
  const note = r.document.reading ? t.reading(r.document.reading) : "";
  if (note) out.push(md(note), "");
  if (r.document.kind === "plan") {
    out.push("## Task categories", "", "| Category | Status |", "|---|---|");
    for (const c of r.categories) out.push(`| ${md(c.name)} | ${t.status[c.status] || c.status} |`);
    out.push("");
  }
  for (const severity of ["error", "warning", "info"]) {
    const list = r.findings.filter((f) => f.severity === severity);
    if (!list.length) continue;
    out.push(`## ${t.severity[severity]} (${list.length})`, "");
    for (const f of list) {
      out.push(`- Line ${f.span.line}: ${md(f.message)} \`${f.rule}\`${f.suggestion ? `  \n  ${md(t.suggestion(f.suggestion))}` : ""}`);
    }
    out.push("");
  }
  return out.join("\n");
}

// A report's titled parts and its tasks, each in the order they start, made once a report:
// a finding's place is then found by halving, not by a walk through every task.
const places = new WeakMap();
function placesOf(r) {
  let p = places.get(r);
  if (!p) {
    const byStart = (a, b) => a.span.start - b.span.start;
    p = { parts: r.document.parts.filter((x) => x.title).sort(byStart), tasks: [...r.tasks].sort(byStart) };
    places.set(r, p);
  }
  return p;
}

// The index of the last of `list` (in the order they start) that starts at or before `at`.
function lastStartingBy(list, at) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].span.start <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

// A text's first line that is not blank, trimmed; read no further than it.
function firstLine(text) {
  for (let at = 0; at < text.length;) {
    const end = text.indexOf("\n", at);
    const line = text.slice(at, end < 0 ? text.length : end).trim();
    if (line) return line;
    if (end < 0) break;
    at = end + 1;
  }
  return "";
}

// Whether a span holds a place (an empty span holds its own).
const holds = (s, at) => s.start <= at && at < Math.max(s.end, s.start + 1);

// A finding's identity across checks of an edited text: its rule, what it is about (a
// category, an indicator) and the words it quotes.
function reviewKey(f) {
  // The message without its counts, which move as the text is edited.
  return [f.rule, f.category ?? "", f.indicator ?? "", f.excerpt, f.message.replace(/\d+/g, "#")].join("\u0000");
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

/**
 * The text of a plan's file — `.txt` in UTF-8, GB18030 or UTF-16 with a BOM, or `.docx` —
 * and where it came from: `{text, source}`, `source` as the element's `source` says it.
 * Rejects with a message for the user (in `lang`) when the file cannot be read as a plan.
 */
export async function readPlanFile(file, lang = "zh-CN") {
  const t = (lang || "zh-CN").toLowerCase().startsWith("en") ? STRINGS.en : STRINGS["zh-CN"];
  const name = file.name;
  const word = /\.docx$/i.test(name) || file.type === DOCX_TYPE;
  if (/\.wps$/i.test(name)) throw new Error(t.legacyWps(name));
  if (/\.doc$/i.test(name)) throw new Error(t.docx["legacy-doc"](name));
  if (!word && !/\.txt$/i.test(name) && file.type !== "text/plain") throw new Error(t.unsupported(name));
  const limit = word ? MAX_DOCX_BYTES : MAX_INPUT_BYTES;
  if (file.size > limit) throw new Error((word ? t.docxTooLarge : t.tooLarge)(name, (file.size / 1048576).toFixed(1)));
  const bytes = new Uint8Array(await file.arrayBuffer());
  // By content: a Word file saved under another name is read all the same.
  if (word || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4)) {
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
    if (!doc.text.trim()) throw Object.assign(new Error(t.emptyFile(name)), { empty: true });
    const { text, ...about } = doc;
    // The file's bytes, for handing the draft back as it came (not enumerable: the source
    // stays plain data).
    const source = { name, kind: "docx", ...about };
    Object.defineProperty(source, "bytes", { value: bytes, enumerable: false });
    return { text, source };
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new Error(t.docx["legacy-doc"](name));
  }
  const decoded = decodeText(bytes);
  if (!decoded || decoded.text.includes("\u0000")) throw new Error(t.notText(name));
  // An empty file replaces nothing: the draft (and its saved copy) stays as it is.
  if (!decoded.text.trim()) throw Object.assign(new Error(t.emptyFile(name)), { empty: true });
  return { text: decoded.text, source: { name, kind: "text", encoding: decoded.encoding } };
}

// Outside a browser (a server rendering the portal's pages imports this module) there is
// no HTMLElement: the class is then defined over a plain base and not registered.
const ElementBase = globalThis.HTMLElement ?? class {};

export class PlanCheckerElement extends ElementBase {
  static observedAttributes = ["template", "severity", "lang", "for", "worker", "worker-threshold", "review"];

  #shadow = null;
  #parts = {};
  // The form's textarea: wrapped (kept in sync with the editor) or, with `for`, checked
  // where it is.
  #textarea = null;
  // The editing surface, unless the textarea is elsewhere on the page (`for`).
  #editor = null;
  // Edits to the text, counted: a check's report is shown only for the text it checked.
  #edits = 0;
  #text = { edits: -1, value: "" };
  // Whether the user edited the text since it was last copied into the wrapped textarea.
  #typed = false;
  // While the element itself writes the wrapped textarea, or the editor.
  #syncing = false;
  #writing = false;
  // A copy into the wrapped textarea waiting for the page to be idle.
  #idle = 0;
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
  // The finding shown in the text (F8 / Shift+F8, a click), by its place in the list.
  #current = -1;
  // Which severity the list shows (a count was clicked), and whether 提示 are hidden.
  #only = null;
  #hideInfo = false;
  // Whether every finding is listed, past the first LISTED.
  #listAll = false;
  // What the last check changed: findings resolved and new, against the report before.
  #change = "";
  // The Word file the text was opened from, while the text is as read from it.
  #original = null;
  // The reviewer's decisions on this document (with `review`): findings set aside, by
  // rule and quoted text, and comments of their own; kept in this browser's storage.
  #review = { key: null, dismissed: new Map(), comments: [] };

  // On paper every finding is shown: folded ones open before printing.
  #beforePrint = () => {
    for (const d of this.#parts.findings?.querySelectorAll("details") ?? []) d.open = true;
  };

  connectedCallback() {
    globalThis.addEventListener?.("beforeprint", this.#beforePrint);
    if (!this.#shadow) this.#build();
    this.#attach();
    this.#loadTemplate().catch(() => {});
  }

  disconnectedCallback() {
    globalThis.removeEventListener?.("beforeprint", this.#beforePrint);
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
    else if (name === "review" && this.#report) this.#render();
  }

  /** The last report, or `null`. */
  get report() {
    return this.#report;
  }

  /**
   * Whether the draft is ready: `empty`, `not-a-plan`, `blocked` (error findings),
   * `review` (warnings only) or `ready`. Also the host's `data-verdict` attribute.
   */
  get verdict() {
    return this.dataset.verdict || "empty";
  }

  /**
   * The form's textarea: the one wrapped (its value kept in sync with the text) or named
   * by `for`; `null` when the element has only its own editor.
   */
  get textarea() {
    return this.#textarea;
  }

  /** The selection in the text, as UTF-16 offsets `{start, end}`. */
  get selection() {
    if (this.#editor) return this.#editor.selection;
    const ta = this.#textarea;
    return { start: ta?.selectionStart ?? 0, end: ta?.selectionEnd ?? 0 };
  }

  /** The text being checked; setting it checks at once. */
  get value() {
    if (this.#editor) {
      // The editor's text as one string, made once an edit.
      if (this.#text.edits !== this.#edits) this.#text = { edits: this.#edits, value: this.#editor.value };
      return this.#text.value;
    }
    return this.#textarea ? this.#textarea.value : "";
  }

  set value(text) {
    this.#source = null;
    this.#original = null;
    this.#setText(text);
  }

  #setText(text) {
    const value = String(text ?? "");
    if (this.#editor) {
      this.#write(value);
      this.#sync(value);
    } else if (this.#textarea) {
      this.#textarea.value = value;
    } else {
      return;
    }
    this.#edits += 1;
    this.check();
  }

  // A short text is copied into the wrapped textarea at once; a long one (a copy of a
  // megabyte takes a few milliseconds) when the page is idle, and before a submit.
  #syncSoon(text) {
    if (!this.#editor || !this.#textarea) return;
    if (text.length < SYNC_AT_ONCE) {
      this.#sync(text);
      return;
    }
    if (this.#idle) return;
    const run = () => {
      this.#idle = 0;
      this.#sync();
    };
    this.#idle = globalThis.requestIdleCallback ? requestIdleCallback(run, { timeout: 1000 }) : setTimeout(run, 250);
  }

  // The wrapped textarea gets the editor's text, so that the form submits it; an edit by
  // the user is announced to the page as the textarea's `input`.
  #sync(text = this.value) {
    const ta = this.#textarea;
    if (!this.#editor || !ta || ta.value === text) return;
    this.#syncing = true;
    try {
      ta.value = text;
      if (this.#typed) ta.dispatchEvent(new Event("input", { bubbles: true }));
    } finally {
      this.#syncing = false;
      this.#typed = false;
    }
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
    if (!this.#ready || (!this.#textarea && !this.#editor)) return null;
    const text = this.value;
    this.#syncSoon(text);
    const edits = this.#edits;
    const seq = ++this.#seq;
    const options = this.#options();
    try {
      let report;
      if (this.#useWorker(text)) {
        this.#worker ??= new WorkerChecker({ template: this.#templateJson });
        this.#status(this.#strings.checking);
        try {
          report = await this.#worker.check(text, options, { latest: true });
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
      if (!report || seq !== this.#seq || this.#edits !== edits) return null;
      this.#change = this.#changed(this.#report, report);
      this.#report = report;
      this.#listAll = false;
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
    // In English, the report's words in English (the findings' messages stay as the
    // checker writes them); in Chinese, the checker's own Markdown.
    if (this.#strings === STRINGS.en) {
      const r = this.#checker ? this.#checker.check(text, options) : check(text, options);
      return englishMarkdown(name, r, this.#strings);
    }
    return this.#checker ? this.#checker.reportMarkdown(text, name, options) : reportMarkdown(text, name, options);
  }

  /**
   * Opens a file the user picked: its text replaces the textarea's. Rejects with a message
   * for the user when the file cannot be read as a plan.
   */
  async openFile(file) {
    const { text, source } = await readPlanFile(file, this.getAttribute("lang"));
    this.#source = source;
    this.#original = source.kind === "docx" ? { bytes: source.bytes, text } : null;
    this.#setText(text);
    return this.#report;
  }

  /**
   * What the reviewer decided (with the `review` attribute): the findings of the current
   * report they set aside, with their spans, and their own comments —
   * `{dismissed: [{rule, message, start, end, status, reason}], comments: [{start, end, text}]}`.
   */
  get decisions() {
    const dismissed = [];
    for (const f of this.#report?.findings ?? []) {
      const d = this.#review.dismissed.get(reviewKey(f));
      if (d) dismissed.push({ rule: f.rule, message: f.message, start: f.span.start, end: f.span.end, status: d.status, reason: d.reason });
    }
    const comments = this.#review.comments.map(({ start, end, text }) => ({ start, end, text }));
    return { dismissed, comments };
  }

  /** Sets a finding aside (`status` 不适用 or 已说明, with a reason), or, with no status, back. */
  decide(finding, status, reason = "") {
    if (status) this.#review.dismissed.set(reviewKey(finding), { status, reason });
    else this.#review.dismissed.delete(reviewKey(finding));
    this.#saveReview();
    if (this.#report) this.#render();
  }

  /** Adds the reviewer's comment on `start..end` (UTF-16; default: the text selected). */
  addComment(text, start = this.selection.start, end = this.selection.end) {
    const body = String(text ?? "").trim();
    if (!body) return false;
    const quote = this.value.slice(start, end);
    this.#review.comments.push({ start, end, text: body, quote });
    this.#review.comments.sort((a, b) => a.start - b.start);
    this.#saveReview();
    if (this.#report) this.#render();
    return true;
  }

  /** Removes the reviewer's `index`-th comment. */
  removeComment(index) {
    this.#review.comments.splice(index, 1);
    this.#saveReview();
    if (this.#report) this.#render();
  }

  /**
   * The draft as Word with the findings not set aside and the reviewer's comments as 批注,
   * by `reviewer` on `date`: the Word file as it was opened when the text is still as read
   * from it, else the text as a new Word document. Resolves to the file's bytes.
   */
  returnedDraft({ reviewer, date = today() } = {}) {
    const docx = this.returnsOriginal ? this.#original.bytes : null;
    return returnedDraft({ text: this.value, docx, decisions: this.decisions, reviewer, date, template: this.#templateJson });
  }

  /** Whether `returnedDraft` gives back the Word file opened (its text is unedited). */
  get returnsOriginal() {
    return Boolean(this.#original && this.#original.text === this.value);
  }

  /** The 意见反馈表 (.docx bytes) for the text, with the reviewer's decisions. */
  feedbackForm({ reviewer, date = today(), name = "" } = {}) {
    return feedbackForm({ text: this.value, name, decisions: this.decisions, reviewer, date, template: this.#templateJson });
  }

  // The decisions of the document now in the text, from storage, when it is another
  // document than before (by its title, else its first line).
  #loadReview() {
    const r = this.#report;
    const key = `plancheck:review:${r?.document.title || firstLine(this.value).slice(0, 60)}`;
    if (key === this.#review.key) return;
    let kept = null;
    try {
      kept = JSON.parse(localStorage.getItem(key) || "null");
    } catch {
      kept = null;
    }
    this.#review = {
      key,
      dismissed: new Map(kept?.dismissed ?? []),
      comments: kept?.comments ?? [],
    };
  }

  #saveReview() {
    const { key, dismissed, comments } = this.#review;
    if (!key) return;
    try {
      if (dismissed.size || comments.length) localStorage.setItem(key, JSON.stringify({ dismissed: [...dismissed], comments }));
      else localStorage.removeItem(key);
    } catch {
      // Storage full or disabled: the decisions last as long as the page.
    }
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

  /** Selects a span (from a finding) in the text and scrolls it into view. */
  select(span) {
    if (this.#editor) {
      this.#editor.select(span);
      return;
    }
    const ta = this.#textarea;
    if (!ta) return;
    ta.focus();
    ta.setSelectionRange(span.start, span.end);
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
      results: el("section", { class: "results", part: "results" }),
      status: el("div", { id: "status", class: "status", part: "status", role: "status", "aria-live": "polite" }),
      verdict: el("p", { class: "verdict", part: "verdict", "aria-live": "polite" }),
      printHead: el("p", { class: "print-head", part: "print-head" }),
      hideInfo: el("input", { type: "checkbox", id: "hide-info" }),
      hideInfoLabel: el("span"),
      legend: el("p", { class: "legend", part: "legend" }),
      previous: el("button", { type: "button", class: "nav", part: "nav" }, "↑"),
      next: el("button", { type: "button", class: "nav", part: "nav" }, "↓"),
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
    p.group.append(el("option", { value: "severity" }), el("option", { value: "rule" }), el("option", { value: "section" }));
    p.group.addEventListener("change", () => this.#report && this.#render());
    p.findings.addEventListener("keydown", (e) => this.#onFindingKey(e));
    p.previous.addEventListener("click", () => this.#step(-1, true));
    p.next.addEventListener("click", () => this.#step(1, true));
    // F8 / Shift+F8 wherever focus is in the element, the text included.
    this.addEventListener("keydown", (e) => {
      if (e.key !== "F8" || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      const inList = this.#parts.findings.contains(this.#shadow.activeElement);
      this.#step(e.shiftKey ? -1 : 1, inList);
    });
    p.editor.append(p.wrap);
    p.hideInfo.addEventListener("change", () => {
      this.#hideInfo = p.hideInfo.checked;
      if (this.#report) this.#render();
    });
    p.results.append(p.printHead, p.verdict, p.status, p.summary, p.reading,
      el("div", { class: "controls", part: "controls" }, el("label", {}, p.groupLabel, " ", p.group), " ",
        el("label", {}, p.hideInfo, " ", p.hideInfoLabel), " ", p.previous, p.next),
      p.hFindings, p.findings, p.hCategories, p.categories, p.hIndicators, p.legend, p.indicators);
    p.layout.append(p.editor, p.results);
    this.#shadow.append(p.layout);
    this.#labels();
    this.dataset.verdict = "empty";
    this.#status(typeof WebAssembly === "undefined" ? this.#strings.noWasm : this.#strings.loading, typeof WebAssembly === "undefined");
  }

  #labels() {
    const t = this.#strings;
    const p = this.#parts;
    p.groupLabel.textContent = t.group;
    p.group.options[0].textContent = t.bySeverity;
    p.group.options[1].textContent = t.byRule;
    p.group.options[2].textContent = t.bySection;
    p.legend.textContent = t.legend;
    p.hFindings.textContent = t.findings;
    p.hideInfoLabel.textContent = t.hideInfo;
    p.hCategories.textContent = t.categories;
    p.hIndicators.textContent = t.indicators;
    p.results.setAttribute("aria-label", t.results);
    p.previous.title = t.previous;
    p.previous.setAttribute("aria-label", t.previous);
    p.next.title = t.next;
    p.next.setAttribute("aria-label", t.next);
    this.#editor?.relabel(t.text, t.placeholder);
  }

  #attach() {
    this.#detach();
    const on = (target, type, fn, capture = false) => {
      target.addEventListener(type, fn, capture);
      this.#listeners.push([target, type, fn, capture]);
    };
    const id = this.getAttribute("for");
    if (id) {
      const root = this.getRootNode();
      const ta = (root.getElementById ? root.getElementById(id) : null) || document.getElementById(id);
      this.#editor?.destroy();
      this.#editor = null;
      if (!(ta instanceof HTMLTextAreaElement)) {
        this.#textarea = null;
        this.#fail(this.#strings.noTextarea(id));
        return;
      }
      // The textarea stays where the page has it: checked as it is typed in, not marked.
      this.#external = true;
      this.#parts.layout.classList.add("external");
      this.#textarea = ta;
      on(ta, "input", () => {
        this.#source = null;
        this.#edits += 1;
        this.dispatchEvent(new CustomEvent("plancheck-input", { bubbles: true, composed: true }));
        this.#schedule();
      });
      on(ta, "compositionstart", () => {
        this.#composing = true;
        clearTimeout(this.#timer);
      });
      on(ta, "compositionend", () => {
        this.#composing = false;
        this.#schedule();
      });
      return;
    }
    this.#external = false;
    this.#parts.layout.classList.remove("external");
    // A form's textarea inside the element is not shown (the editor is), but its value is
    // the text, for the form to submit.
    const ta = this.querySelector("textarea");
    this.#textarea = ta;
    const t = this.#strings;
    if (!this.#editor) {
      this.#editor = new Editor(this.#parts.wrap, {
        text: ta?.value ?? "",
        label: ta?.getAttribute("aria-label") || t.text,
        hint: ta?.placeholder || t.placeholder,
        // A read-only or disabled textarea is shown as it is: read, checked, not edited.
        readOnly: Boolean(ta && (ta.readOnly || ta.disabled)),
        onChange: () => this.#edited(),
        onCaret: (at) => this.#atCaret(at),
      });
      // An input method's last word may come without a change of its own.
      on(this.#editor.content, "compositionend", () => setTimeout(() => this.#schedule()));
    } else if (ta && ta.value !== this.#editor.value) {
      this.#write(ta.value);
    }
    if (!ta) return;
    // A script that writes the textarea, and says so with `input`, writes the text.
    on(ta, "input", () => {
      if (this.#syncing) return;
      this.#source = null;
      this.#write(ta.value);
      this.#schedule();
    });
    // A form submitted within the pause after a keystroke still sends the last one.
    if (ta.form) on(ta.form, "submit", () => this.#sync(), true);
  }

  // The editor's text replaced by the element (not by the user).
  #write(text) {
    this.#writing = true;
    try {
      this.#editor.value = text;
    } finally {
      this.#writing = false;
    }
    this.#typed = false;
  }

  // After each change in the editor.
  #edited() {
    this.#edits += 1;
    if (this.#writing) return;
    this.#source = null;
    this.#typed = true;
    this.dispatchEvent(new CustomEvent("plancheck-input", { bubbles: true, composed: true }));
    this.#schedule();
  }

  #detach() {
    for (const [target, type, fn, capture] of this.#listeners) target.removeEventListener(type, fn, capture);
    this.#listeners = [];
  }

  #schedule() {
    if (this.#composing || this.#editor?.composing) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.check(), DEBOUNCE_MS);
  }

  async #loadTemplate() {
    const key = this.getAttribute("template") || NATIONAL;
    const token = ++this.#loadToken;
    const t = this.#strings;
    let json = null;
    try {
      try {
        await load();
      } catch (e) {
        throw Object.assign(new Error(t.moduleFailed(messageOf(e))), { module: true });
      }
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
      if (token === this.#loadToken) {
        if (e && e.module) this.#moduleError(e.message);
        else this.#templateError(messageOf(e));
      }
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

  #moduleError(message) {
    this.#ready = false;
    this.#report = null;
    this.#clear();
    this.#fail(message);
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
    for (const part of [p.summary, p.findings, p.categories, p.indicators]) part.replaceChildren();
    this.#editor?.mark([]);
    this.dataset.verdict = "empty";
    p.verdict.textContent = "";
    this.#current = -1;
    p.reading.textContent = "";
    p.reading.hidden = true;
  }

  // "已解决 1 项，新增 2 项": findings of the earlier report that are gone, and new ones,
  // told apart by rule and message.
  #changed(before, after) {
    // Only an edit of the same plan: a different text pasted over it is not a change.
    if (!before || before.document.title !== after.document.title || !before.summary.tasks) return "";
    const key = (f) => `${f.rule}\u0000${f.message}`;
    const left = new Map();
    for (const f of before.findings) left.set(key(f), (left.get(key(f)) || 0) + 1);
    let added = 0;
    for (const f of after.findings) {
      const n = left.get(key(f)) || 0;
      if (n) left.set(key(f), n - 1);
      else added += 1;
    }
    const fixed = [...left.values()].reduce((a, b) => a + b, 0);
    return this.#strings.changed(fixed, added);
  }

  /** The verdict on the report of `text`. */
  #verdictOf(r, text) {
    if (!text.trim()) return "empty";
    if (r.document.kind === "not-a-plan") return "not-a-plan";
    if (r.summary.errors) return "blocked";
    if (r.summary.warnings) return "review";
    return "ready";
  }

  #render() {
    const r = this.#report;
    const t = this.#strings;
    const p = this.#parts;
    const s = r.summary;
    const verdict = this.#verdictOf(r, this.value);
    this.dataset.verdict = verdict;
    const say = t.verdict[verdict];
    p.verdict.textContent = typeof say === "function" ? say(s) : say;
    // Nothing to list for an empty text, and no template to compare a text that is not a
    // plan with: the panels would only say "missing" for everything.
    const compared = verdict !== "empty" && verdict !== "not-a-plan";
    for (const part of [p.hCategories, p.categories, p.hIndicators, p.legend, p.indicators]) part.hidden = !compared;
    this.#current = -1;
    if (verdict === "empty") {
      for (const part of [p.summary, p.findings, p.categories, p.indicators]) part.replaceChildren();
      p.reading.hidden = true;
      this.#status("");
      this.#renderMarks();
      return;
    }
    const count = (severity, n) => {
      const b = el("button", { type: "button", class: `count ${severity}`, "data-filter": severity, "aria-pressed": String(this.#only === severity) }, t.count[severity](n));
      b.addEventListener("click", () => {
        this.#only = this.#only === severity ? null : severity;
        this.#render();
      });
      return b;
    };
    // The severities the element's `severity` leaves out are not counted as zero.
    const min = this.#options().minSeverity;
    const counted = (severity) => !min || ["error", "warning", "info"].indexOf(severity) <= ["error", "warning", "info"].indexOf(min);
    p.summary.replaceChildren(
      ...["error", "warning", "info"].filter(counted).map((severity) => count(severity, s[`${severity}s`])),
      el("span", {}, t.assigned(s.assigned, s.tasks)),
      el("span", {}, t.sections(s.sections, s.categories)),
      el("span", {}, t.horizon(r.document.horizon, r.template.horizon)),
      ...(r.document.level ? [el("span", { "data-level": r.document.level }, t.level(r.document.level))] : []),
    );
    this.#status(this.#change ? `${t.checked(r.document.title)}；${this.#change}` : t.checked(r.document.title));
    p.printHead.textContent = t.printed(r.document.title, r.template.name, new Date().toISOString().slice(0, 10));
    const note = r.document.reading ? t.reading(r.document.reading) : "";
    p.reading.textContent = note;
    p.reading.hidden = !note;

    const reviewing = this.hasAttribute("review");
    if (reviewing) this.#loadReview();
    const by = p.group.value;
    const groups = new Map(by === "severity" ? [["error", []], ["warning", []], ["info", []]] : []);
    const shown = r.findings.filter((f) => (this.#only ? f.severity === this.#only : !(this.#hideInfo && f.severity === "info")));
    // By section: the part of the plan each finding is in, in the plan's order.
    const section = (f) => this.#where(f, true) || t.elsewhere;
    const ordered = by === "section" ? [...shown].sort((a, b) => a.span.start - b.span.start) : shown;
    for (const f of ordered) {
      const key = by === "rule" ? f.rule : by === "section" ? section(f) : f.severity;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(f);
    }
    const blocks = [];
    // A text with thousands of findings lists the first of them, group by group, and a
    // button for the rest: building them all would hold up typing.
    let room = this.#listAll ? Infinity : LISTED;
    for (const [key, list] of groups) {
      if (!list.length || room <= 0) continue;
      const title = by === "rule" ? t.kind(key, kindOf(key)) : by === "section" ? key : t.severity[key];
      const listed = list.length > room ? list.slice(0, room) : list;
      room -= listed.length;
      blocks.push(el("h3", {}, t.groupTitle(title, list.length)), el("ul", { class: "findings" }, ...this.#collapsed(listed)));
    }
    if (!this.#listAll && ordered.length > LISTED) {
      const more = el("button", { type: "button", class: "more", part: "more" }, t.more(ordered.length - LISTED));
      more.addEventListener("click", () => {
        this.#listAll = true;
        this.#render();
      });
      blocks.push(more);
    }
    if (!blocks.length) blocks.push(el("p", { class: "ok" }, this.value.trim() ? t.none : t.empty));
    if (reviewing && this.#review.comments.length) {
      blocks.push(el("h3", {}, t.review.own(this.#review.comments.length)), el("ul", { class: "own-comments" },
        ...this.#review.comments.map((c, k) => {
          const remove = el("button", { type: "button", class: "remove" }, t.review.remove);
          remove.addEventListener("click", () => this.removeComment(k));
          const item = el("li", { class: "own-comment", "data-start": String(c.start) },
            el("q", {}, c.quote || this.value.slice(c.start, c.end)), " ", el("span", { class: "message" }, c.text), " ", remove);
          return item;
        })));
    }
    p.findings.replaceChildren(...blocks);

    // A category or indicator the plan covers links to where it does.
    const linked = (item, span) => {
      if (!span) return item;
      item.classList.add("linked");
      item.setAttribute("role", "button");
      item.setAttribute("tabindex", "0");
      const go = () => this.#showSpan(span);
      item.addEventListener("click", go);
      item.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          go();
        }
      });
      return item;
    };
    p.categories.replaceChildren(...r.categories.map((c) => linked(
      el("li", { "data-category": c.id, "data-status": c.status, part: "category" },
        el("span", { class: "name" }, c.name), el("span", { class: "state" }, t.status[c.status] || c.status)), c.span)));
    p.indicators.replaceChildren(...r.indicators.map((i) => linked(
      el("li", { "data-indicator": i.id, "data-status": i.status, class: i.expected ? "" : "local", part: "indicator" },
        el("span", { class: "mark", "aria-hidden": "true" }, i.status === "present" ? "✓" : "✗"), ` ${i.name}`), i.span)));
    this.#renderMarks();
  }

  // A group's findings as list items; four or more 提示 of one rule (two units listed
  // without a lead, again and again) fold into one item that opens to show them, in the
  // place of the first.
  #collapsed(list) {
    const t = this.#strings;
    const many = new Map();
    for (const f of list) if (f.severity === "info") many.set(f.rule, (many.get(f.rule) || 0) + 1);
    const items = [];
    const folded = new Map();
    for (const f of list) {
      if ((many.get(f.rule) || 0) < 4) {
        items.push(this.#findingItem(f));
        continue;
      }
      let group = folded.get(f.rule);
      if (!group) {
        const inner = el("ul", { class: "findings" });
        const details = el("details", {},
          el("summary", {}, t.folded(t.kind(f.rule, kindOf(f.rule)), many.get(f.rule))), inner);
        group = { inner };
        folded.set(f.rule, group);
        items.push(el("li", { class: "folded", "data-folded": f.rule }, details));
      }
      group.inner.append(this.#findingItem(f));
    }
    return items;
  }

  #findingItem(f) {
    const t = this.#strings;
    const item = el("li", { "data-rule": f.rule, "data-severity": f.severity, tabindex: "0", role: "button", class: `finding ${f.severity}`, part: `finding finding-${f.severity}` },
      el("span", { class: "badge" }, t.severity[f.severity] || f.severity),
      el("span", { class: "where", title: t.line(f.span.line) }, this.#where(f)),
      el("span", { class: "message" }, f.message),
      el("span", { class: "kind", title: f.rule }, t.kind(f.rule, kindOf(f.rule))));
    if (f.suggestion) item.append(el("div", { class: "suggestion" }, t.suggestion(f.suggestion)));
    if (this.hasAttribute("review")) item.append(this.#decisionControls(f, item));
    item.addEventListener("click", () => this.#showItem(item));
    item.addEventListener("keydown", (e) => {
      if (e.target !== item) return;
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        this.#showItem(item);
      }
    });
    item.finding = f;
    return item;
  }

  // 不适用 / 已说明 with a reason, or the decision made and a way back.
  #decisionControls(f, item) {
    const t = this.#strings.review;
    const box = el("div", { class: "decision" });
    const quiet = (node) => {
      node.addEventListener("click", (e) => e.stopPropagation());
      node.addEventListener("keydown", (e) => e.stopPropagation());
      return node;
    };
    const made = this.#review.dismissed.get(reviewKey(f));
    if (made) {
      item.classList.add("dismissed");
      item.dataset.decision = made.status;
      const undo = quiet(el("button", { type: "button", class: "undo" }, t.undo));
      undo.addEventListener("click", () => this.decide(f, null));
      box.append(el("span", { class: "decided" }, t.decided(made.status, made.reason)), " ", undo);
      return box;
    }
    for (const status of ["不适用", "已说明"]) {
      const b = quiet(el("button", { type: "button", class: "decide", "data-status": status }, t.status(status)));
      b.addEventListener("click", () => {
        const reason = quiet(el("input", { type: "text", class: "reason", "aria-label": t.reason, placeholder: t.reason }));
        const ok = quiet(el("button", { type: "button", class: "confirm" }, t.confirm));
        const cancel = quiet(el("button", { type: "button", class: "cancel" }, t.cancel));
        const done = () => this.decide(f, status, reason.value.trim());
        ok.addEventListener("click", done);
        reason.addEventListener("keydown", (e) => {
          if (e.key === "Enter") done();
          if (e.key === "Escape") this.#render();
        });
        cancel.addEventListener("click", () => this.#render());
        box.replaceChildren(el("span", {}, t.status(status)), " ", reason, " ", ok, " ", cancel);
        reason.focus();
      });
      box.append(b, " ");
    }
    return box;
  }

  // Where a finding is, as a reader of the plan says it: its part and task, or its line
  // where it is in neither.
  #where(f, partOnly = false) {
    const r = this.#report;
    const t = this.#strings;
    const at = f.span.start;
    const { parts, tasks } = placesOf(r);
    // Parts may hold parts: the innermost that holds the place.
    let part = null;
    for (let k = lastStartingBy(parts, at); k >= 0 && !part; k--) if (holds(parts[k].span, at)) part = parts[k];
    if (partOnly) return part?.title ?? "";
    const k = lastStartingBy(tasks, at);
    const task = k >= 0 && holds(tasks[k].span, at) ? tasks[k] : null;
    const path = [part?.title, task && t.task(task.number, task.title)].filter(Boolean);
    return path.length ? path.join(" › ") : t.line(f.span.line);
  }

  #items() {
    return [...this.#parts.findings.querySelectorAll(".finding")];
  }

  // The next or previous finding, in the list's order, becomes the current one; focus
  // moves with it only when it was in the list.
  #step(by, focus) {
    const items = this.#items();
    if (!items.length) return;
    const at = this.#current < 0 ? (by > 0 ? 0 : items.length - 1) : (this.#current + by + items.length) % items.length;
    this.#showItem(items[at]);
    if (focus) items[at].focus();
  }

  // Marks a finding as the current one and shows its text: scrolled into view and
  // highlighted, never selected, and focus stays where it is.
  #showItem(item) {
    // A finding folded with others of its kind is shown opened.
    const folded = item.closest("details");
    if (folded) folded.open = true;
    const items = this.#items();
    this.#current = items.indexOf(item);
    for (const other of items) other.removeAttribute("aria-current");
    item.setAttribute("aria-current", "true");
    const f = item.finding;
    this.#editor?.outline(f.span);
    this.#showSpan(f.span);
  }

  // Scrolls the text to a span, without selecting it or moving focus.
  #showSpan(span) {
    const editor = this.#editor;
    if (!editor) return;
    editor.reveal(span);
    // On a narrow screen the text is above the list: bring it into view.
    const box = editor.dom.getBoundingClientRect();
    if (box.bottom < 0 || box.top > innerHeight) editor.dom.scrollIntoView({ block: "nearest" });
  }

  // The findings at the caret, after a click or a move in the text: the first becomes the
  // current one and the list shows it; focus stays in the text.
  #atCaret(at) {
    if (!this.#report) return;
    const items = this.#items();
    const here = items.filter((i) => i.finding.span.start <= at && at <= i.finding.span.end);
    for (const i of items) i.classList.toggle("at-caret", here.includes(i));
    if (!here.length) return;
    this.#current = items.indexOf(here[0]);
    for (const other of items) other.removeAttribute("aria-current");
    here[0].setAttribute("aria-current", "true");
    this.#editor?.outline(here[0].finding.span);
    here[0].scrollIntoView({ block: "nearest" });
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

  // The findings as marks in the text, each with its message on hover.
  #renderMarks() {
    const editor = this.#editor;
    if (!editor) return;
    const marks = [];
    for (const f of this.#report?.findings ?? []) {
      if (f.span.end <= f.span.start) continue;
      marks.push({ from: f.span.start, to: f.span.end, severity: f.severity, message: f.message });
    }
    editor.mark(marks);
  }
}

if (typeof customElements !== "undefined" && !customElements.get("plan-checker")) {
  customElements.define("plan-checker", PlanCheckerElement);
}


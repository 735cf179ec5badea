// <plan-checker>: the checker as a custom element, and a client for the checking worker.
//
//   <script type="module" src="node_modules/plancheck/plan-checker.js"></script>
//   <plan-checker><textarea name="body"></textarea></plan-checker>
//
// Plain JavaScript, Shadow DOM, no framework. See README.md for attributes, events and theming.
import init, { check, PlanChecker, reportMarkdown, templates } from "./plancheck.js";

const NATIONAL = "national-2024";
const DEFAULT_WORKER_THRESHOLD = 20000;
const DEBOUNCE_MS = 120;
// The checker's own limit (MAX_INPUT_BYTES): a larger file is refused before it is read.
// Both limits are the Rust constants' values; tests/contracts.rs fails when they differ.
const MAX_INPUT_BYTES = 8 * 1024 * 1024;
// The .docx reader's limit (MAX_DOCX_BYTES): a Word file may be larger than its text.
const MAX_DOCX_BYTES = 32 * 1024 * 1024;
const TEXT_MB = MAX_INPUT_BYTES / 1024 / 1024;
const DOCX_MB = MAX_DOCX_BYTES / 1024 / 1024;
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// The .docx reader is its own module, loaded the first time a Word file is opened.
let docxReader = null;
function loadDocxReader() {
  docxReader ??= import("./plancheck_docx.js").then(async (m) => {
    await m.default();
    return m.readDocx;
  });
  docxReader.catch(() => { docxReader = null; });
  return docxReader;
}

// A Word file is read in a worker of its own, so that the page never waits on it; only
// where no worker can start is it read here.
function readDocxOffThread(bytes) {
  const here = () => loadDocxReader().then((read) => read(bytes));
  let worker;
  try {
    worker = new Worker(new URL("./plancheck-docx-worker.js", import.meta.url), { type: "module" });
  } catch {
    return here();
  }
  return new Promise((resolve, reject) => {
    worker.onmessage = (event) => {
      worker.terminate();
      const { doc, error } = event.data || {};
      if (!error) resolve(doc);
      else if (error.fatal) here().then(resolve, reject);
      else reject(Object.assign(new Error(error.message), { kind: error.kind }));
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      worker.terminate();
      here().then(resolve, reject);
    };
    worker.postMessage({ id: 1, bytes });
  });
}

const STRINGS = {
  "zh-CN": {
    severity: { error: "错误", warning: "警告", info: "提示" },
    count: { error: (n) => `${n} 个错误`, warning: (n) => `${n} 个警告`, info: (n) => `${n} 个提示` },
    status: { covered: "有章节", partial: "无章节（见于内容）", missing: "缺失" },
    loading: "正在加载检查器……",
    checking: "正在检查……",
    checked: (title) => (title ? `已检查：${title}` : "已检查"),
    failed: (m) => `检查出错：${m}`,
    templateFailed: (m) => `模板有误：${m}`,
    fetchFailed: (url, why) => `无法读取模板 ${url}：${why}`,
    noTextarea: (id) => `找不到 id 为“${id}”的文本框`,
    assigned: (a, t) => `任务已明确责任 ${a} / ${t} 项`,
    sections: (c, t) => `类别有章节 ${c} / ${t}`,
    horizon: (h, t) => `目标年 ${h ?? "未识别"}（模板 ${t}）`,
    line: (n) => `第${n}行`,
    suggestion: (s) => `建议：${s}`,
    none: "未发现问题。",
    empty: "请粘贴方案全文。",
    reading: (d) => {
      const parts = [];
      if (d.joined_lines) parts.push(`合并断行 ${d.joined_lines} 处${d.wrap_width ? `（每行约 ${d.wrap_width} 字）` : ""}`);
      if (d.page_furniture) parts.push(`略去页码、页眉 ${d.page_furniture} 处`);
      if (d.numbering_lost) parts.push("标题编号缺失，按标题文字识别部分、类别和条目");
      if (d.table_rows) parts.push(`按制表符分列读取表格 ${d.table_rows} 行`);
      if (d.line_ends) parts.push("按旧式换行符分行");
      for (const o of d.others) parts.push(`另含${o.kind === "notice" ? "征求意见通知" : "起草说明"}“${o.title}”，未作为方案检查`);
      return parts.length ? `读取说明：${parts.join("；")}。` : "";
    },
    group: "分组",
    bySeverity: "按严重程度",
    byRule: "按规则",
    findings: "问题",
    categories: "任务类别",
    indicators: "指标",
    results: "检查结果",
    text: "粘贴或输入方案全文",
    placeholder: "在此粘贴方案全文（可直接从 Word 复制）……",
    notText: (name) => `${name} 不是 UTF-8 文本，请在 Word 中另存为“UTF-8 纯文本”，或直接粘贴文本`,
    unsupported: (name) => `暂不支持此类文件：${name}；请打开 .docx 或 .txt，或直接粘贴文本`,
    tooLarge: (name, mb) => `${name} 过大（${mb} MB），最多检查 ${TEXT_MB} MB 的文本`,
    docxTooLarge: (name, mb) => `${name} 过大（${mb} MB），最多读取 ${DOCX_MB} MB 的 Word 文件`,
    docx: {
      "legacy-doc": (name) => `${name} 是旧版 Word 文件（.doc），请在 Word 中另存为 .docx 后打开`,
      encrypted: (name) => `${name} 设有密码，请在 Word 中取消密码后另存再打开`,
      "not-docx": (name) => `${name} 不是 Word 文档（.docx），无法读取`,
      "not-word": (name) => `${name} 不是 Word 文档（.docx），无法读取`,
      "too-large-inflated": (name) => `${name} 解压后过大，已拒绝读取（文件可能已损坏）`,
      "too-large": (name) => `${name} 过大，最多读取 ${DOCX_MB} MB 的 Word 文件`,
      "too-much-text": (name) => `${name} 展开后的文字超过 ${TEXT_MB} MB（合并单元格或嵌套表格反复复制），已拒绝读取`,
      corrupt: (name) => `${name} 已损坏，无法读取；请在 Word 中打开并另存后再试`,
      failed: (name, m) => `无法读取 ${name}：${m}`,
    },
  },
  en: {
    severity: { error: "Error", warning: "Warning", info: "Info" },
    count: { error: (n) => `${n} error${n === 1 ? "" : "s"}`, warning: (n) => `${n} warning${n === 1 ? "" : "s"}`, info: (n) => `${n} info` },
    status: { covered: "own section", partial: "no section (in content)", missing: "missing" },
    loading: "Loading the checker…",
    checking: "Checking…",
    checked: (title) => (title ? `Checked: ${title}` : "Checked"),
    failed: (m) => `Check failed: ${m}`,
    templateFailed: (m) => `Bad template: ${m}`,
    fetchFailed: (url, why) => `Cannot read the template ${url}: ${why}`,
    noTextarea: (id) => `No textarea with id "${id}"`,
    assigned: (a, t) => `Tasks with a responsible unit: ${a} / ${t}`,
    sections: (c, t) => `Categories with a section: ${c} / ${t}`,
    horizon: (h, t) => `Target year ${h ?? "not found"} (template ${t})`,
    line: (n) => `line ${n}`,
    suggestion: (s) => `Suggestion: ${s}`,
    none: "No findings.",
    empty: "Paste the plan's full text.",
    reading: (d) => {
      const parts = [];
      if (d.joined_lines) parts.push(`${d.joined_lines} hard-wrapped lines joined${d.wrap_width ? ` (about ${d.wrap_width} characters a line)` : ""}`);
      if (d.page_furniture) parts.push(`${d.page_furniture} page numbers and running headers left out`);
      if (d.numbering_lost) parts.push("heading numbers missing: parts, categories and items recognised by their words");
      if (d.table_rows) parts.push(`${d.table_rows} tab-separated table rows read cell by cell`);
      if (d.line_ends) parts.push("old-style line ends read as line ends");
      for (const o of d.others) parts.push(`also held ${o.kind === "notice" ? "a notice asking for comments" : "a drafting explanation"} "${o.title}", not checked as the plan`);
      return parts.length ? `How the text was read: ${parts.join("; ")}.` : "";
    },
    group: "Group",
    bySeverity: "by severity",
    byRule: "by rule",
    findings: "Findings",
    categories: "Task categories",
    indicators: "Indicators",
    results: "Results",
    text: "Paste or type the plan's full text",
    placeholder: "Paste the plan's full text here (straight from Word is fine)…",
    notText: (name) => `${name} is not UTF-8 text; save it from Word as UTF-8 plain text, or paste the text`,
    unsupported: (name) => `Unsupported file: ${name}; open a .docx or .txt, or paste the text`,
    tooLarge: (name, mb) => `${name} is too large (${mb} MB); at most ${TEXT_MB} MB of text is checked`,
    docxTooLarge: (name, mb) => `${name} is too large (${mb} MB); Word files of at most ${DOCX_MB} MB are read`,
    docx: {
      "legacy-doc": (name) => `${name} is an old Word file (.doc); save it as .docx in Word and open that`,
      encrypted: (name) => `${name} is password-protected; remove the password in Word and save again`,
      "not-docx": (name) => `${name} is not a Word document (.docx)`,
      "not-word": (name) => `${name} is not a Word document (.docx)`,
      "too-large-inflated": (name) => `${name} inflates to too much; refused (the file may be damaged)`,
      "too-large": (name) => `${name} is too large; Word files of at most ${DOCX_MB} MB are read`,
      "too-much-text": (name) => `${name} grows beyond ${TEXT_MB} MB of text (merged cells or nested tables repeated); refused`,
      corrupt: (name) => `${name} is damaged and cannot be read; open it in Word, save it again and retry`,
      failed: (name, m) => `Cannot read ${name}: ${m}`,
    },
  },
};

const CSS = `
:host {
  --plancheck-font: "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif;
  display: block; container-type: inline-size;
  color: var(--plancheck-ink, #1f2328); font-family: var(--plancheck-font);
}
:host([hidden]) { display: none; }
.layout { display: grid; grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr); gap: var(--plancheck-gap, 16px); }
.layout.external { grid-template-columns: minmax(0, 1fr); }
.layout.external .editor { display: none; }
@container (max-width: 760px) { .layout { grid-template-columns: 1fr; } }
.textwrap { position: relative; height: var(--plancheck-editor-height, 60vh); min-height: 240px; }
.backdrop, .textwrap textarea, ::slotted(textarea) {
  position: absolute; inset: 0; width: 100%; height: 100%; margin: 0; box-sizing: border-box;
  white-space: pre-wrap; overflow-wrap: break-word; word-break: break-all; overflow: auto;
}
.textwrap textarea, ::slotted(textarea) {
  padding: 10px 12px; border: 1px solid var(--plancheck-line, #d0d7de); border-radius: var(--plancheck-radius, 6px);
  font: 15px/1.7 var(--plancheck-font); color: var(--plancheck-ink, #1f2328); background: transparent; resize: none;
}
.textwrap textarea:focus, ::slotted(textarea:focus) { outline: 2px solid var(--plancheck-accent, #0969da); }
.backdrop { color: transparent; background: var(--plancheck-paper, #fff); pointer-events: none; border-color: transparent; border-style: solid; }
.backdrop mark { color: transparent; border-radius: 2px; }
.backdrop mark[data-severity="error"] { background: var(--plancheck-error-bg, #ffebe9); border-bottom: 2px solid var(--plancheck-error, #cf222e); }
.backdrop mark[data-severity="warning"] { background: var(--plancheck-warning-bg, #fff8c5); border-bottom: 2px solid var(--plancheck-warning, #9a6700); }
.backdrop mark[data-severity="info"] { background: var(--plancheck-info-bg, #ddf4ff); }
.results { overflow: auto; max-height: var(--plancheck-results-height, none); font-size: 15px; line-height: 1.6; }
h2 { font-size: 16px; margin: 18px 0 6px; }
h3 { font-size: 14px; margin: 10px 0 4px; color: var(--plancheck-muted, #57606a); }
.status { font-size: 13px; color: var(--plancheck-muted, #57606a); }
.status.failed { color: var(--plancheck-error, #cf222e); font-weight: bold; }
.summary { display: flex; flex-wrap: wrap; gap: 6px 14px; margin: 6px 0; }
.reading { margin: 4px 0; font-size: 0.9em; color: var(--plancheck-ink, #1f2328); opacity: 0.8; }
.count.error { color: var(--plancheck-error, #cf222e); font-weight: bold; }
.count.warning { color: var(--plancheck-warning, #9a6700); font-weight: bold; }
.count.info { color: var(--plancheck-info, #0969da); }
.controls { font-size: 13px; }
select { font: inherit; padding: 2px 8px; border: 1px solid var(--plancheck-line, #d0d7de); border-radius: var(--plancheck-radius, 6px); background: var(--plancheck-bg, #f6f8fa); }
ul { list-style: none; padding: 0; margin: 0; }
.finding { padding: 6px 8px; border-left: 3px solid var(--plancheck-line, #d0d7de); margin: 4px 0; cursor: pointer; border-radius: 3px; }
.finding:hover, .finding:focus { background: var(--plancheck-bg, #f6f8fa); outline: none; }
.finding:focus-visible { outline: 2px solid var(--plancheck-accent, #0969da); }
.finding.error { border-left-color: var(--plancheck-error, #cf222e); }
.finding.warning { border-left-color: var(--plancheck-warning, #9a6700); }
.finding.info { border-left-color: var(--plancheck-info, #0969da); }
.badge { font-size: 12px; margin-right: 6px; }
.finding.error .badge { color: var(--plancheck-error, #cf222e); }
.finding.warning .badge { color: var(--plancheck-warning, #9a6700); }
.finding.info .badge { color: var(--plancheck-info, #0969da); }
.where, .rule { color: var(--plancheck-muted, #57606a); font-size: 12px; }
.where { margin-right: 6px; }
.rule { margin-left: 6px; }
.suggestion { color: var(--plancheck-muted, #57606a); font-size: 13px; }
.categories li { display: flex; justify-content: space-between; padding: 3px 0; border-bottom: 1px dashed var(--plancheck-line, #d0d7de); }
.categories li[data-status="covered"] .state { color: var(--plancheck-ok, #1a7f37); }
.categories li[data-status="partial"] .state { color: var(--plancheck-warning, #9a6700); }
.categories li[data-status="missing"] .state { color: var(--plancheck-error, #cf222e); font-weight: bold; }
.indicators { columns: 2; font-size: 13px; }
.indicators li[data-status="missing"] { color: var(--plancheck-error, #cf222e); }
.indicators li.local { color: var(--plancheck-muted, #57606a); }
.ok { color: var(--plancheck-ok, #1a7f37); }
@media print {
  .editor, .controls, .status { display: none; }
  .layout { display: block; }
  .results { max-height: none; overflow: visible; }
  .finding { break-inside: avoid; }
}
`;

// Copied from the textarea to the backdrop so that the marks sit under the characters.
const MIRRORED = ["fontFamily", "fontSize", "fontWeight", "fontStyle", "lineHeight", "letterSpacing", "tabSize",
  "paddingTop", "paddingRight", "paddingBottom", "paddingLeft",
  "borderTopWidth", "borderRightWidth", "borderBottomWidth", "borderLeftWidth", "textIndent"];

let loaded = null;

/** Loads the WebAssembly module once; every element and `check` share it. */
export function load() {
  loaded ??= init().then(() => {
    performance.mark("plancheck:wasm-ready");
  });
  return loaded;
}

function messageOf(e) {
  return e && e.message ? e.message : String(e);
}

/** The worker itself failed (as opposed to a check it ran). */
export class WorkerFailure extends Error {}

/**
 * Checks in a Web Worker. At most one check is in flight; a check asked for while another
 * runs waits, and one that is superseded before it starts resolves to `null`.
 */
export class WorkerChecker {
  #worker;
  #next = 1;
  #waiting = new Map();
  #queued = null;
  #busy = false;
  #stopped = false;
  #ready;

  constructor({ template = null, url = new URL("./plancheck-worker.js", import.meta.url) } = {}) {
    this.#worker = new Worker(url, { type: "module" });
    this.#worker.onmessage = (event) => {
      const reply = event.data || {};
      const waiter = this.#waiting.get(reply.id);
      if (!waiter) return;
      this.#waiting.delete(reply.id);
      if (reply.type === "error") {
        const message = reply.fatal ? `plancheck: the worker failed: ${reply.message}` : reply.message;
        waiter.reject(reply.fatal ? new WorkerFailure(message) : new Error(message));
      } else waiter.resolve(reply);
    };
    this.#worker.onerror = (event) => {
      event.preventDefault?.();
      const error = new WorkerFailure(`plancheck: the worker failed: ${event.message || "it could not be loaded"}`);
      for (const waiter of this.#waiting.values()) waiter.reject(error);
      this.#waiting.clear();
    };
    const json = template === null || typeof template === "string" ? template : JSON.stringify(template);
    this.#ready = this.#request({ type: "init", template: json }).then((reply) => reply.template);
    this.#ready.catch(() => {});
  }

  /** The template's id, name and horizon, once the worker has loaded it. */
  ready() {
    return this.#ready;
  }

  /** The report for `text`, or `null` when a later call superseded this one before it ran. */
  check(text, options) {
    if (this.#stopped) return Promise.reject(new Error("plancheck: the worker was stopped"));
    if (typeof text !== "string") return Promise.reject(new TypeError("plancheck: the text to check must be a string"));
    this.#queued?.resolve(null);
    return new Promise((resolve, reject) => {
      this.#queued = { text, options, resolve, reject };
      this.#pump();
    });
  }

  terminate() {
    this.#stopped = true;
    this.#worker.terminate();
    const error = new Error("plancheck: the worker was stopped");
    for (const waiter of this.#waiting.values()) waiter.reject(error);
    this.#waiting.clear();
    this.#queued?.resolve(null);
    this.#queued = null;
  }

  async #pump() {
    if (this.#busy || !this.#queued) return;
    const job = this.#queued;
    this.#queued = null;
    this.#busy = true;
    try {
      await this.#ready;
      const reply = await this.#request({ type: "check", text: job.text, options: job.options });
      job.resolve(reply.report);
    } catch (e) {
      job.reject(e);
    } finally {
      this.#busy = false;
      this.#pump();
    }
  }

  #request(message) {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, ...message });
    });
  }
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

export { check };

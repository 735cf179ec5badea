// The page: loads the checker, checks as the user types, shows findings on the text.
import init, { check, reportMarkdown } from "./pkg/plancheck.js";

const $ = (id) => document.getElementById(id);
const text = $("text");
const backdrop = $("backdrop");
const statusEl = $("status");
const SEVERITY_LABEL = { error: "错误", warning: "警告", info: "提示" };
const STATUS_LABEL = { covered: "有章节", partial: "无章节（见于内容）", missing: "缺失" };
let report = null;
let timer = 0;
let composing = false;
let fileName = "方案.txt";

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("data-") || k.startsWith("aria-") || k === "role" || k === "tabindex") node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function runCheck() {
  timer = 0;
  try {
    report = check(text.value);
  } catch (e) {
    report = null;
    statusEl.textContent = `检查出错：${e && e.message ? e.message : e}`;
    statusEl.className = "failed";
    return;
  }
  statusEl.className = "";
  render();
}

function schedule() {
  if (composing) return;
  clearTimeout(timer);
  timer = setTimeout(runCheck, 120);
}

function select(span) {
  text.focus();
  text.setSelectionRange(span.start, span.end);
  // Scroll so the span sits a third of the way down.
  text.scrollTop = Math.max(0, topOf(span.start) - text.clientHeight / 3);
  syncScroll();
}

// Where a character sits in the wrapped text: measured in the backdrop, which has the
// textarea's font, padding and wrapping.
function topOf(index) {
  const saved = [...backdrop.childNodes];
  const probe = el("span", {}, "\u200b");
  backdrop.replaceChildren(text.value.slice(0, index), probe);
  const top = probe.offsetTop;
  backdrop.replaceChildren(...saved);
  return top;
}

function renderBackdrop() {
  backdrop.replaceChildren();
  const value = text.value;
  let at = 0;
  for (const f of report.findings.slice().sort((a, b) => a.span.start - b.span.start)) {
    const s = f.span;
    if (s.end <= s.start || s.start < at) continue;
    backdrop.append(value.slice(at, s.start));
    backdrop.append(el("mark", { "data-severity": f.severity, "data-start": String(s.start) }, value.slice(s.start, s.end)));
    at = s.end;
  }
  backdrop.append(value.slice(at) + "\n");
}

function syncScroll() {
  backdrop.scrollTop = text.scrollTop;
  backdrop.scrollLeft = text.scrollLeft;
}

function findingItem(f) {
  const item = el("li", { "data-rule": f.rule, "data-severity": f.severity, tabindex: "0", role: "button", class: `finding ${f.severity}` },
    el("span", { class: "badge" }, SEVERITY_LABEL[f.severity] || f.severity),
    el("span", { class: "where" }, `第${f.span.line}行`),
    el("span", { class: "message" }, f.message),
    el("code", { class: "rule" }, f.rule));
  if (f.suggestion) item.append(el("div", { class: "suggestion" }, `建议：${f.suggestion}`));
  const activate = () => select(f.span);
  item.addEventListener("click", activate);
  item.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") { e.preventDefault(); activate(); }
  });
  return item;
}

function render() {
  const r = report;
  const s = r.summary;
  $("summary").replaceChildren(
    el("span", { class: "count error" }, `${s.errors} 个错误`),
    el("span", { class: "count warning" }, `${s.warnings} 个警告`),
    el("span", { class: "count info" }, `${s.infos} 个提示`),
    el("span", {}, `任务已明确责任 ${s.assigned} / ${s.tasks} 项`),
    el("span", {}, `类别有章节 ${r.categories.filter((c) => c.status === "covered").length} / ${r.categories.length}`),
    el("span", {}, `目标年 ${r.document.horizon ?? "未识别"}（模板 ${r.template.horizon}）`),
  );
  statusEl.textContent = r.document.title ? `已检查：${r.document.title}` : "已检查";

  const groupBy = $("group").value;
  const groups = new Map();
  const order = groupBy === "rule" ? (f) => f.rule : (f) => f.severity;
  const keys = groupBy === "rule" ? [] : ["error", "warning", "info"];
  for (const k of keys) groups.set(k, []);
  for (const f of r.findings) {
    const k = order(f);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(f);
  }
  const blocks = [];
  for (const [k, list] of groups) {
    if (!list.length) continue;
    const title = groupBy === "rule" ? k : SEVERITY_LABEL[k];
    blocks.push(el("h3", {}, `${title}（${list.length}）`), el("ul", { class: "findings" }, ...list.map(findingItem)));
  }
  if (!blocks.length) blocks.push(el("p", { class: "ok" }, text.value.trim() ? "未发现问题。" : "请粘贴方案全文。"));
  $("findings").replaceChildren(...blocks);

  $("categories").replaceChildren(...r.categories.map((c) =>
    el("li", { "data-category": c.id, "data-status": c.status }, el("span", { class: "name" }, c.name), el("span", { class: "status" }, STATUS_LABEL[c.status]))));
  $("indicators").replaceChildren(...r.indicators.map((i) =>
    el("li", { "data-indicator": i.id, "data-status": i.status, class: i.expected ? "" : "local" },
      el("span", { class: "mark" }, i.status === "present" ? "✓" : "✗"), ` ${i.name}`)));
  for (const id of ["export-json", "copy-md", "print"]) $(id).disabled = false;
  renderBackdrop();
}

function download() {
  const blob = new Blob([JSON.stringify(report, null, 2)], { type: "application/json" });
  const a = el("a", { href: URL.createObjectURL(blob), download: fileName.replace(/\.[^.]*$/, "") + ".report.json" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

async function copyMarkdown() {
  const md = reportMarkdown(report, fileName);
  try {
    await navigator.clipboard.writeText(md);
    statusEl.textContent = "已复制 Markdown 报告";
  } catch {
    statusEl.textContent = "无法访问剪贴板，请使用“下载 JSON 报告”";
  }
}

async function openFile(file) {
  fileName = file.name;
  if (!/\.txt$/i.test(file.name)) {
    $("file-status").textContent = `暂不支持此类文件：${file.name}；请另存为 .txt 或直接粘贴文本`;
    return;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let value;
  try {
    value = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    $("file-status").textContent = `${file.name} 不是 UTF-8 文本，请在 Word 中另存为“UTF-8 纯文本”`;
    return;
  }
  text.value = value;
  $("file-status").textContent = `已打开 ${file.name}`;
  runCheck();
}

async function main() {
  try {
    await init();
  } catch (e) {
    statusEl.textContent = `检查器加载失败：${e && e.message ? e.message : e}`;
    statusEl.className = "failed";
    return;
  }
  text.addEventListener("input", schedule);
  text.addEventListener("compositionstart", () => { composing = true; clearTimeout(timer); });
  text.addEventListener("compositionend", () => { composing = false; schedule(); });
  text.addEventListener("scroll", syncScroll);
  $("group").addEventListener("change", () => report && render());
  $("file").addEventListener("change", (e) => { const f = e.target.files[0]; if (f) openFile(f); });
  $("export-json").addEventListener("click", download);
  $("copy-md").addEventListener("click", copyMarkdown);
  $("print").addEventListener("click", () => window.print());
  runCheck();
  document.body.dataset.ready = "true";
}

main();

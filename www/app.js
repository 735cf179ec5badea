// The page: the <plan-checker> element around the text, plus file opening and export.
import "./pkg/plan-checker.js";

const $ = (id) => document.getElementById(id);
const checker = $("checker");
const fileStatus = $("file-status");
const comments = $("docx-comments");
let fileName = "方案.txt";

function download() {
  const blob = new Blob([JSON.stringify(checker.report, null, 2)], { type: "application/json" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = fileName.replace(/\.[^.]*$/, "") + ".report.json";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

async function copyMarkdown() {
  const md = checker.markdown(fileName);
  try {
    await navigator.clipboard.writeText(md);
    fileStatus.textContent = "已复制 Markdown 报告";
  } catch {
    fileStatus.textContent = "无法访问剪贴板，请使用“下载 JSON 报告”";
  }
}

async function openFile(file) {
  comments.replaceChildren();
  comments.hidden = true;
  try {
    await checker.openFile(file);
    fileName = file.name;
    const source = checker.source;
    fileStatus.textContent = source && source.kind === "docx" ? describeDocx(source) : describeText(source, file.name);
    if (source && source.kind === "docx" && source.comments.length) showComments(source.comments);
  } catch (e) {
    fileStatus.textContent = e.message;
  }
}

/** A text file, and the encoding it was read in when that was not UTF-8. */
function describeText(s, name) {
  const encoding = s && s.encoding && s.encoding !== "UTF-8" ? `（按 ${s.encoding} 编码读取）` : "";
  return `已打开 ${name}${encoding}`;
}

/** What was read from a Word file, and what was left out of the check. */
function describeDocx(s) {
  const parts = [`已打开 ${s.name}（Word：${s.paragraphs} 段`];
  if (s.numbered) parts.push(`其中自动编号 ${s.numbered} 段`);
  if (s.tables) parts.push(`表格 ${s.tables} 个`);
  let text = parts.join("，") + "）";
  const left = [];
  if (s.insertions || s.deletions) left.push(`修订按“接受”处理（插入 ${s.insertions} 处、删除 ${s.deletions} 处）`);
  if (s.comments.length) left.push(`批注 ${s.comments.length} 条未计入检查，见下方`);
  if (left.length) text += "；" + left.join("；");
  return text;
}

function showComments(list) {
  const summary = document.createElement("summary");
  summary.textContent = `Word 批注（${list.length} 条，未计入检查）`;
  const ol = document.createElement("ol");
  for (const c of list) {
    const li = document.createElement("li");
    li.textContent = c.author ? `${c.author}：${c.text}` : c.text;
    ol.append(li);
  }
  comments.append(summary, ol);
  comments.hidden = false;
}

checker.addEventListener("plancheck-ready", () => {
  window.plancheckReadyAt = performance.now();
  document.body.dataset.ready = "true";
}, { once: true });
// Exports are for a draft: none while the text is empty.
checker.addEventListener("plancheck-report", () => {
  for (const id of ["export-json", "copy-md", "print"]) $(id).disabled = checker.verdict === "empty";
});
// The picker is cleared after each file, so that choosing the same file again (saved
// again in Word) reads it again.
$("file").addEventListener("change", (e) => {
  const f = e.target.files[0];
  e.target.value = "";
  if (f) openFile(f);
});
$("export-json").addEventListener("click", download);
$("copy-md").addEventListener("click", copyMarkdown);
$("print").addEventListener("click", () => window.print());

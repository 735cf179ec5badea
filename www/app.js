// The page: the <plan-checker> element around the text, plus file opening and export.
import "./pkg/plan-checker.js";

const $ = (id) => document.getElementById(id);
const checker = $("checker");
const fileStatus = $("file-status");
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
  try {
    await checker.openFile(file);
    fileName = file.name;
    fileStatus.textContent = `已打开 ${file.name}`;
  } catch (e) {
    fileStatus.textContent = e.message;
  }
}

checker.addEventListener("plancheck-ready", () => {
  window.plancheckReadyAt = performance.now();
  document.body.dataset.ready = "true";
}, { once: true });
checker.addEventListener("plancheck-report", () => {
  for (const id of ["export-json", "copy-md", "print"]) $(id).disabled = false;
});
$("file").addEventListener("change", (e) => { const f = e.target.files[0]; if (f) openFile(f); });
$("export-json").addEventListener("click", download);
$("copy-md").addEventListener("click", copyMarkdown);
$("print").addEventListener("click", () => window.print());

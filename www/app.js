// The page: the <plan-checker> element around the text, plus file opening and export.
import "./pkg/plan-checker.js";
import { runBatch } from "./batch.js";
import { compareVersions, renderComparison, showInEarlier } from "./compare.js";
import { readPlanFile } from "./pkg/plan-checker.js";

const $ = (id) => document.getElementById(id);
const checker = $("checker");
const fileStatus = $("file-status");
const comments = $("docx-comments");
// The file the text came from, until the text is edited; exports are then named after
// the plan's title and the date.
let fileName = null;
// Edited since it was opened, restored or downloaded.
let dirty = false;
const STORE = "plancheck:text";

/** An export's file name: the opened file's, else the plan's title, and the date. */
function exportName(suffix) {
  const today = new Date().toISOString().slice(0, 10);
  const title = checker.report?.document.title;
  const base = fileName ? fileName.replace(/\.[^.]*$/, "") : (title || "方案").replace(/[\\/:*?"<>|\s]+/g, "");
  return `${base}-${today}${suffix}`;
}

function save(blob, name) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// The report as the checker made it, or with the reviewer's decisions beside it.
function download() {
  const value = checker.reviewReport({ reviewer: reviewerName() });
  save(new Blob([JSON.stringify(value, null, 2)], { type: "application/json" }), exportName(".report.json"));
}

function saveText() {
  save(new Blob([checker.value], { type: "text/plain;charset=utf-8" }), exportName(".txt"));
  dirty = false;
}

// The text is kept in this browser's storage, so that a reload or a crash loses nothing;
// written when the page is idle (a long draft is a megabyte to copy).
let remembering = 0;
function remember() {
  if (remembering) return;
  const write = () => {
    remembering = 0;
    try {
      const value = checker.value;
      if (value.trim()) localStorage.setItem(STORE, value);
      else localStorage.removeItem(STORE);
    } catch {
      // Storage full or disabled: nothing is kept, nothing breaks.
    }
  };
  remembering = globalThis.requestIdleCallback ? requestIdleCallback(write, { timeout: 1000 }) : setTimeout(write, 250);
}

async function copyMarkdown() {
  const md = checker.markdown(fileName || exportName(".txt"));
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
    dirty = false;
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
  // A text left from the last visit comes back, said so, with a way to start afresh.
  let kept = null;
  try {
    kept = localStorage.getItem(STORE);
  } catch {
    kept = null;
  }
  if (kept && !checker.value.trim()) {
    checker.value = kept;
    $("restored").hidden = false;
  }
  window.plancheckReadyAt = performance.now();
  document.body.dataset.ready = "true";
}, { once: true });
// Exports are for a plan: none while the text is empty (the page says what to do then),
// and no report of a text that is not a plan (a 起草说明 pasted by mistake).
function showExports() {
  const verdict = checker.verdict;
  document.body.dataset.empty = String(verdict === "empty");
  $("save-text").disabled = verdict === "empty";
  for (const id of ["export-json", "copy-md", "print", "export-returned", "export-feedback"]) {
    $(id).disabled = verdict === "empty" || verdict === "not-a-plan";
  }
}
showExports();
checker.addEventListener("plancheck-report", () => {
  showExports();
  remember();
});
// The empty page's ways in: a file, or the example plan (a county made up for it).
$("start-file").addEventListener("change", (e) => {
  const files = [...e.target.files];
  e.target.value = "";
  openFiles(files);
});
$("example").addEventListener("click", async () => {
  try {
    const response = await fetch("example.txt");
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    checker.value = await response.text();
    fileStatus.textContent = "已载入示例方案（青山县为虚构）";
  } catch (e) {
    fileStatus.textContent = `无法载入示例方案：${e && e.message ? e.message : e}`;
  }
});

// The reviewer's name, the author of the 批注, kept in this browser.
const REVIEWER = "plancheck:reviewer";
const reviewer = $("reviewer");
try {
  reviewer.value = localStorage.getItem(REVIEWER) || "";
} catch {
  reviewer.value = "";
}
reviewer.addEventListener("change", () => {
  try {
    localStorage.setItem(REVIEWER, reviewer.value.trim());
  } catch {
    // Not kept; used for this page's exports all the same.
  }
});
const reviewerName = () => reviewer.value.trim() || "审核人";
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// A comment of the reviewer's own on the words selected in the text.
$("add-comment").addEventListener("click", () => {
  const { start, end } = checker.selection;
  const words = $("comment-text").value.trim();
  if (start === end) {
    fileStatus.textContent = "请先在方案文本中选中要批注的文字";
    return;
  }
  if (!words) {
    fileStatus.textContent = "请输入批注内容";
    $("comment-text").focus();
    return;
  }
  checker.addComment(words, start, end);
  $("comment-text").value = "";
  fileStatus.textContent = "已添加批注";
});

// The draft handed back: Word with the 批注, and the 意见反馈表.
async function exportWord(button, write, suffix, how = "") {
  button.disabled = true;
  fileStatus.textContent = "正在生成 Word 文件……";
  try {
    const bytes = await write({ reviewer: reviewerName() });
    save(new Blob([bytes], { type: DOCX_TYPE }), exportName(suffix));
    fileStatus.textContent = `已导出 ${exportName(suffix)}${how}`;
  } catch (e) {
    fileStatus.textContent = `无法生成 Word 文件：${e && e.message ? e.message : e}`;
  } finally {
    showExports();
  }
}
$("export-returned").addEventListener("click", (e) => exportWord(e.currentTarget, (o) => checker.returnedDraft(o), "-批注.docx",
  checker.returnsOriginal ? "（在原 Word 文件上加批注）" : "（文本为粘贴或已改动，生成新的 Word 文档）"));
$("export-feedback").addEventListener("click", (e) => exportWord(e.currentTarget, (o) => checker.feedbackForm(o), "-意见反馈表.docx"));
// A change to the text makes it the user's own: the opened file's name and the messages
// about earlier actions no longer apply.
checker.addEventListener("plancheck-input", () => {
  dirty = true;
  fileName = null;
  fileStatus.textContent = "";
  $("restored").hidden = true;
});
// F8 / Shift+F8 anywhere on the page (after opening a file, say) go through the findings,
// as they do inside the checker.
addEventListener("keydown", (e) => {
  if (e.key !== "F8" || e.altKey || e.ctrlKey || e.metaKey || checker.contains(e.target)) return;
  e.preventDefault();
  checker.dispatchEvent(new KeyboardEvent("keydown", { key: "F8", shiftKey: e.shiftKey }));
});
addEventListener("beforeunload", (e) => {
  if (dirty && checker.value.trim()) e.preventDefault();
});
$("forget").addEventListener("click", () => {
  try {
    localStorage.removeItem(STORE);
  } catch {
    // Nothing kept.
  }
  checker.value = "";
  dirty = false;
  $("restored").hidden = true;
});
// A file dropped anywhere on the page is opened as if picked.
addEventListener("dragover", (e) => {
  if (e.dataTransfer?.types.includes("Files")) e.preventDefault();
});
addEventListener("drop", (e) => {
  const files = [...(e.dataTransfer?.files ?? [])];
  if (!files.length) return;
  e.preventDefault();
  openFiles(files);
});
// The picker is cleared after each file, so that choosing the same file again (saved
// again in Word) reads it again.
$("file").addEventListener("change", (e) => {
  const files = [...e.target.files];
  e.target.value = "";
  openFiles(files);
});

/** One file opens in the checker; several make a batch table. */
function openFiles(files) {
  if (files.length === 1) openFile(files[0]);
  else if (files.length > 1) {
    runBatch(files, {
      open: (file) => {
        openFile(file);
        checker.scrollIntoView({ block: "start" });
      },
      save,
    });
  }
}
// A folder: its drafts (.txt, .docx) checked as a batch.
$("folder").addEventListener("change", (e) => {
  const files = [...e.target.files].filter((f) => /\.(txt|docx)$/i.test(f.name));
  e.target.value = "";
  if (files.length) runBatch(files, {
    open: (file) => {
      openFile(file);
      checker.scrollIntoView({ block: "start" });
    },
    save,
  });
});

// 对比上一版: the earlier version picked, compared with the text on the page.
$("old-version").addEventListener("change", async (e) => {
  const file = e.target.files[0];
  e.target.value = "";
  if (!file) return;
  try {
    const { text: old } = await readPlanFile(file);
    // One side empty: said so, not a list of every finding as resolved or new.
    if (!checker.value.trim()) throw new Error("当前文本为空：请先粘贴或打开要对比的新版本");
    const { comparison, changes, markdown } = await compareVersions(old, checker.value);
    $("compare-old").textContent = file.name;
    $("compare-old-text").textContent = old;
    renderComparison(changes, $("compare-list"), (which, span) => {
      if (which === "new") {
        checker.select(span);
        return;
      }
      // The earlier version, opened and its passage marked and scrolled to.
      $("compare-old-pane").open = true;
      showInEarlier($("compare-old-text"), old, span);
    });
    $("compare").hidden = false;
    $("compare-json").onclick = () => save(new Blob([JSON.stringify(comparison, null, 2)], { type: "application/json" }), exportName(".compare.json"));
    $("compare-md").onclick = async () => {
      try {
        await navigator.clipboard.writeText(markdown());
        fileStatus.textContent = "已复制对比 Markdown";
      } catch {
        fileStatus.textContent = "无法访问剪贴板，请使用“下载 JSON”";
      }
    };
  } catch (err) {
    fileStatus.textContent = err && err.message ? err.message : String(err);
  }
});
$("compare-close").addEventListener("click", () => { $("compare").hidden = true; });
$("save-text").addEventListener("click", saveText);
$("export-json").addEventListener("click", download);
$("copy-md").addEventListener("click", copyMarkdown);
$("print").addEventListener("click", () => window.print());

// Many drafts at once: a table with a row per draft, checked in the worker one after
// another, exported as CSV (UTF-8 with a BOM, for Excel) and JSON. Nothing is uploaded.
import { readPlanFile, WorkerChecker } from "./pkg/plan-checker.js";

const COLUMNS = [
  ["file", "文件"], ["title", "标题"], ["county", "县（区）"], ["errors", "错误"], ["warnings", "警告"],
  ["infos", "提示"], ["assigned", "任务已明确责任"], ["sections", "类别有章节"], ["indicators", "指标提及"],
  ["horizon", "目标年"], ["note", "说明"],
];

/** A row's cells, by column key: a report's numbers, or a file's reason it was not checked. */
function cells(row) {
  if (row.error) return { file: row.name, note: `无法检查：${row.error}` };
  const r = row.report;
  const s = r.summary;
  return {
    file: row.name,
    title: r.document.title ?? "",
    county: r.document.county ?? "",
    errors: s.errors,
    warnings: s.warnings,
    infos: s.infos,
    assigned: `${s.assigned} / ${s.tasks}`,
    sections: `${s.sections} / ${s.categories}`,
    indicators: `${s.indicators_mentioned} / ${s.indicators_expected}`,
    horizon: r.document.horizon ?? "",
    note: r.document.kind === "not-a-plan" ? "不是实施方案正文" : "",
  };
}

// A cell Excel or WPS would read as a formula (=, +, -, @, a tab or a CR first) is led by
// an apostrophe, as spreadsheet-export guidance advises: shown as written, never run.
export function csvField(value) {
  let s = String(value ?? "");
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n\t']/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The table as CSV: a byte order mark, a header row, CRLF line ends. */
export function toCsv(rows) {
  const lines = [COLUMNS.map(([, label]) => csvField(label)).join(",")];
  for (const row of rows) {
    const c = cells(row);
    lines.push(COLUMNS.map(([key]) => csvField(c[key])).join(","));
  }
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}

/**
 * Shows the batch view for `files` and checks them; `open(file)` opens one draft in the
 * checker; `save(blob, name)` downloads.
 */
export async function runBatch(files, { open, save }) {
  const $ = (id) => document.getElementById(id);
  const section = $("batch");
  const progress = $("batch-progress");
  const body = $("batch-table").tBodies[0];
  const rows = [];
  let sortKey = null;
  let ascending = true;
  section.hidden = false;
  $("batch-count").textContent = String(files.length);

  const render = () => {
    const shown = [...rows];
    if (sortKey) {
      const value = (row) => {
        const v = cells(row)[sortKey];
        return typeof v === "number" ? v : String(v ?? "");
      };
      shown.sort((a, b) => {
        const x = value(a);
        const y = value(b);
        const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "zh-CN");
        return ascending ? order : -order;
      });
    }
    body.replaceChildren(...shown.map((row) => {
      const tr = document.createElement("tr");
      tr.dataset.file = row.name;
      if (row.error) tr.dataset.failed = "true";
      const c = cells(row);
      for (const [key] of COLUMNS) {
        const td = document.createElement("td");
        td.textContent = String(c[key] ?? "");
        td.dataset.column = key;
        tr.append(td);
      }
      const td = document.createElement("td");
      if (!row.error) {
        const view = document.createElement("button");
        view.type = "button";
        view.textContent = "查看";
        view.addEventListener("click", () => open(row.file));
        td.append(view);
      }
      tr.append(td);
      return tr;
    }));
  };

  for (const th of $("batch-table").tHead.querySelectorAll("button[data-sort]")) {
    th.onclick = () => {
      ascending = sortKey === th.dataset.sort ? !ascending : true;
      sortKey = th.dataset.sort;
      render();
    };
  }
  $("batch-csv").onclick = () => save(new Blob([toCsv(rows)], { type: "text/csv;charset=utf-8" }), `批量检查-${new Date().toISOString().slice(0, 10)}.csv`);
  $("batch-json").onclick = () => save(new Blob([JSON.stringify(rows.map((r) => ({ file: r.name, error: r.error ?? null, report: r.report ?? null })), null, 2)], { type: "application/json" }), `批量检查-${new Date().toISOString().slice(0, 10)}.json`);
  $("batch-close").onclick = () => { section.hidden = true; };

  const worker = new WorkerChecker();
  try {
    for (const [k, file] of [...files].entries()) {
      progress.textContent = `正在检查 ${k + 1} / ${files.length}：${file.name}`;
      try {
        const { text } = await readPlanFile(file);
        const report = await worker.check(text);
        rows.push({ name: file.name, file, report });
      } catch (e) {
        rows.push({ name: file.name, file, error: e && e.message ? e.message : String(e) });
      }
      render();
    }
  } finally {
    worker.terminate();
  }
  const failed = rows.filter((r) => r.error).length;
  progress.textContent = `已检查 ${files.length} / ${files.length}${failed ? `，${failed} 份无法检查` : ""}`;
  return rows;
}

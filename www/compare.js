// Two versions of a draft compared in the browser: the comparison's own WebAssembly
// module is loaded the first time it is asked for. Nothing is uploaded.

let module = null;
function load() {
  module ??= import("./pkg/plancheck_compare.js").then(async (m) => {
    await m.default();
    return m;
  });
  module.catch(() => { module = null; });
  return module;
}

const value = (v) => `${v.value ?? "—"}${v.unit ?? ""}${v.year ? `（${v.year}年）` : ""}`;
const STATUS = { covered: "有章节", partial: "无章节", missing: "缺失" };
const PART = { preamble: "前言", goals: "目标", tasks: "重点任务", schedule: "工作安排", safeguards: "保障措施", attachments: "附件", other: "其他" };

// Links from an item to where it is: `go(which, span)` shows it in the earlier version
// ("old") or in the text on the page ("new").
let go = () => {};

function link(label, which, span) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = `go go-${which}`;
  b.textContent = label;
  b.addEventListener("click", () => go(which, span));
  return b;
}

function list(title, items) {
  if (!items.length) return [];
  const h = document.createElement("h3");
  h.textContent = `${title}（${items.length}）`;
  const ul = document.createElement("ul");
  for (const [text, kind, spans = {}] of items) {
    const li = document.createElement("li");
    li.append(text);
    if (kind) li.dataset.change = kind;
    if (spans.old) li.append(" ", link("上一版", "old", spans.old));
    if (spans.new) li.append(" ", link("本版", "new", spans.new));
    ul.append(li);
  }
  return [h, ul];
}

/**
 * The comparison as a list a reviewer reads, each item linking to where it is in the earlier
 * version and in the text on the page (`show(which, span)`).
 */
export function renderComparison(c, into, show) {
  go = show;
  const head = document.createElement("p");
  head.className = "compare-summary";
  head.textContent = `错误 ${c.old.errors} → ${c.new.errors}，警告 ${c.old.warnings} → ${c.new.warnings}；已解决 ${c.fixed.length} 项，新增 ${c.added.length} 项，仍存在 ${c.still_open} 项`;
  const t = c.tasks;
  into.replaceChildren(
    head,
    ...list("已解决的问题", c.fixed.map((f) => [f.message, "fixed", { old: f.span }])),
    ...list("新增的问题", c.added.map((f) => [f.message, "added", { new: f.span }])),
    ...list("任务", [
      ...t.added.map((x) => [`新增：${x.title}`, "task-added", { new: x.span }]),
      ...t.removed.map((x) => [`删除：${x.title}`, "task-removed", { old: x.span }]),
      ...t.renamed.map((x) => [`改名：${x.from} → ${x.to}`, "task-renamed", { old: x.old_span, new: x.new_span }]),
      ...t.reassigned.map((x) => [`责任单位变化：${x.task}（${unitChange(x.before, x.after)}）`, "task-reassigned", { old: x.old_span, new: x.new_span }]),
    ]),
    ...list("目标", c.targets.map((x) => [`${x.name} ${value(x.before)} → ${value(x.after)}${x.weaker ? "（降低）" : ""}`, x.weaker ? "weaker" : "target", { old: x.old_span, new: x.new_span }])),
    ...list("结构", [
      ...c.categories.map((x) => [`${x.name}：${STATUS[x.before]} → ${STATUS[x.after]}`, "category"]),
      ...c.parts.added.map((k) => [`新增部分：${PART[k] ?? k}`, "part-added"]),
      ...c.parts.removed.map((k) => [`缺少部分：${PART[k] ?? k}`, "part-removed"]),
    ]),
  );
  if (into.children.length === 1) {
    const p = document.createElement("p");
    p.textContent = "两版之间没有检查所见的变化。";
    into.append(p);
  }
}

/** Compares `oldText` with `newText`: the comparison and its Markdown. */
export async function compareVersions(oldText, newText) {
  const m = await load();
  return { comparison: m.compareTexts(oldText, newText), markdown: () => m.comparisonMarkdown(oldText, newText) };
}

/** Units removed or added read as such, not as an arrow from or to nothing. */
function unitChange(before, after) {
  if (!after.length && before.length) return `${before.join("、")} → 删除`;
  if (!before.length && after.length) return `新增 → ${after.join("、")}`;
  return `${before.join("、") || "无"} → ${after.join("、") || "无"}`;
}

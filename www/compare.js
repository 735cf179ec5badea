// Two versions of a draft compared in the browser: the comparison's own WebAssembly
// module is loaded the first time it is asked for. Nothing is uploaded. The list's words
// are the checker's (the CLI and the Markdown say the same); this file only lays it out.

let module = null;
function load() {
  module ??= import("./pkg/plancheck_compare.js").then(async (m) => {
    await m.default();
    return m;
  });
  module.catch(() => { module = null; });
  return module;
}

function link(label, which, span, show) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = `go go-${which}`;
  b.textContent = label;
  b.addEventListener("click", () => show(which, span));
  return b;
}

/**
 * The changes as a list a reviewer reads, each item linking to where it is in the earlier
 * version and in the text on the page (`show(which, span)`).
 */
export function renderComparison(changes, into, show) {
  const head = document.createElement("p");
  head.className = "compare-summary";
  head.textContent = changes.counts;
  const blocks = [head];
  for (const section of changes.sections) {
    const h = document.createElement("h3");
    h.textContent = `${section.title}（${section.items.length}）`;
    const ul = document.createElement("ul");
    for (const item of section.items) {
      const li = document.createElement("li");
      li.append(item.text);
      li.dataset.change = item.kind;
      if (item.old) li.append(" ", link("上一版", "old", item.old, show));
      if (item.new) li.append(" ", link("本版", "new", item.new, show));
      ul.append(li);
    }
    blocks.push(h, ul);
  }
  if (!changes.sections.length) {
    const p = document.createElement("p");
    p.textContent = "两版之间没有检查所见的变化。";
    blocks.push(p);
  }
  into.replaceChildren(...blocks);
}

/**
 * The earlier version's text in its pane, the passage `span` (UTF-16 offsets) marked and
 * scrolled into the middle of the pane.
 */
export function showInEarlier(pane, text, span) {
  const mark = document.createElement("mark");
  mark.textContent = text.slice(span.start, span.end);
  pane.replaceChildren(text.slice(0, span.start), mark, text.slice(span.end));
  mark.scrollIntoView({ block: "center", inline: "nearest" });
}

/** Compares `oldText` with `newText`: the comparison, its list of changes, its Markdown. */
export async function compareVersions(oldText, newText) {
  const m = await load();
  return {
    comparison: m.compareTexts(oldText, newText),
    changes: m.comparisonChanges(oldText, newText),
    markdown: () => m.comparisonMarkdown(oldText, newText),
  };
}

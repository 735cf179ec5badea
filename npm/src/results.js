// The results panel as a function of a report: the verdict, the summary, the findings
// listed and grouped, the categories and indicators. Nothing here keeps state; the element
// passes what the user chose (a filter, a grouping) and what to do on a click.

import { readingNote } from "./plancheck.js";
import { el } from "./dom.js";
import { findingBlocks } from "./findings-list.js";

const SEVERITIES = ["error", "warning", "info"];

/** The verdict on a report of `text`: what the reviewer kept counts, not what they set aside. */
function verdictOf(r, text, kept) {
  if (!text.trim()) return "empty";
  if (r.document.kind === "not-a-plan") return "not-a-plan";
  if (kept.error) return "blocked";
  if (kept.warning) return "review";
  return "ready";
}

/**
 * "已解决 1 项，新增 2 项": findings of the earlier report that are gone, and new ones, told
 * apart by rule and message; empty when the text is not an edit of the same plan.
 */
export function changed(t, before, after) {
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
  return t.changed(fixed, added);
}

/** The findings the reviewer kept (not set aside), counted by severity. */
function keptCounts(r, review) {
  const kept = { error: 0, warning: 0, info: 0, setAside: 0 };
  for (const f of r.findings) {
    if (review?.of(f)) kept.setAside += 1;
    else kept[f.severity] += 1;
  }
  return kept;
}

/**
 * On paper every finding is shown, whatever the filter: before printing the filters are
 * lifted and folded findings opened; after, the view is as it was.
 */
export function printing(e, state, p, rerender) {
  if (e.type === "beforeprint") {
    state.printed = { only: state.only, hideInfo: state.hideInfo };
    state.only = null;
    state.hideInfo = false;
    rerender();
    for (const d of p.findings.querySelectorAll("details")) d.open = true;
  } else if (state.printed) {
    Object.assign(state, state.printed);
    state.printed = null;
    rerender();
  }
}

/** The findings as marks in the text, each with its message on hover. */
export function marksOf(r) {
  return r.findings.filter((f) => f.span.end > f.span.start)
    .map((f) => ({ from: f.span.start, to: f.span.end, severity: f.severity, message: f.message }));
}

/** Empties the results panel. */
export function clearResults(p) {
  for (const part of [p.summary, p.findings, p.categories, p.indicators]) part.replaceChildren();
  p.verdict.textContent = "";
  p.reading.hidden = true;
  p.controls.hidden = true;
  p.hFindings.hidden = true;
}

/**
 * Fills the results panel's parts from a report and returns the verdict. `view` holds the
 * report and what the user chose; `on` what a click does.
 */
export function renderResults(p, view, on) {
  const { report: r, strings: t, text } = view;
  const kept = keptCounts(r, view.reviewing ? view.review : null);
  const verdict = verdictOf(r, text, kept);
  const s = { ...r.summary, errors: kept.error, warnings: kept.warning, infos: kept.info };
  const say = t.verdict[verdict];
  p.verdict.textContent = typeof say === "function" ? say(s) : say;
  // Nothing to list for an empty text, and no template to compare a text that is not a
  // plan with: the panels would only say "missing" for everything.
  const compared = verdict !== "empty" && verdict !== "not-a-plan";
  for (const part of [p.hCategories, p.categories, p.hIndicators, p.legend, p.indicators]) part.hidden = !compared;
  // An empty text has no findings to group or walk: no controls for them.
  for (const part of [p.controls, p.hFindings]) part.hidden = verdict === "empty";
  if (verdict === "empty") {
    for (const part of [p.summary, p.findings, p.categories, p.indicators]) part.replaceChildren();
    p.reading.hidden = true;
    return verdict;
  }
  p.summary.replaceChildren(...summaryItems(r, t, s, kept, view, on));
  p.printHead.textContent = t.printed(r.document.title, r.template.name, new Date().toISOString().slice(0, 10));
  const note = r.document.reading ? readingNote(r.document.reading, view.lang) : "";
  p.reading.textContent = note;
  p.reading.hidden = !note;
  p.findings.replaceChildren(...findingBlocks(view, on));
  // A category or indicator the plan covers links to where it does: a button in its item.
  const linked = (item, span) => {
    if (!span) return item;
    item.classList.add("linked");
    const go = el("button", { type: "button", class: "go" }, ...item.childNodes);
    item.replaceChildren(go);
    item.addEventListener("click", () => on.showSpan(span));
    return item;
  };
  p.categories.replaceChildren(...r.categories.map((c) => linked(
    el("li", { "data-category": c.id, "data-status": c.status, part: "category" },
      el("span", { class: "name" }, c.name), el("span", { class: "state" }, t.status[c.status] || c.status)), c.span)));
  p.indicators.replaceChildren(...r.indicators.map((i) => linked(
    el("li", { "data-indicator": i.id, "data-status": i.status, class: i.expected ? "" : "local", part: "indicator" },
      el("span", { class: "mark", "aria-hidden": "true" }, i.status === "present" ? "✓" : "✗"), ` ${i.name}`), i.span)));
  return verdict;
}

// The counts (each a filter), what the reviewer set aside, and the plan's figures.
function summaryItems(r, t, s, kept, view, on) {
  // The severities the element's `severity` leaves out are not counted as zero.
  const min = view.minSeverity;
  const counted = (severity) => !min || SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(min);
  const count = (severity) => {
    const b = el("button", { type: "button", class: `count ${severity}`, "data-filter": severity, "aria-pressed": String(view.only === severity) }, t.count[severity](kept[severity]));
    b.addEventListener("click", () => {
      view.state.only = view.only === severity ? null : severity;
      on.rerender();
    });
    return b;
  };
  const counts = [
    ...SEVERITIES.filter(counted).map(count),
    ...(kept.setAside ? [el("span", { class: "set-aside" }, t.review.setAside(kept.setAside))] : []),
  ];
  // A text that is not a plan gets no plan's figures: no score against the template.
  if (r.document.kind === "not-a-plan") return counts;
  return [
    ...counts,
    el("span", {}, t.assigned(s.assigned, s.tasks)),
    el("span", {}, t.sections(s.sections, s.categories)),
    el("span", {}, t.horizon(r.document.horizon, r.template.horizon)),
    ...(r.document.level ? [el("span", { "data-level": r.document.level }, t.level(r.document.level))] : []),
  ];
}

// The findings listed, grouped by severity, rule or section; the ones the reviewer set
// aside apart at the end; the reviewer's own comments after them.

import { el } from "./dom.js";
import { kindOf, where } from "./places.js";

// Findings listed at first; the rest on request.
const LISTED = 300;

/** The list's blocks: a heading and a list for each group, and what the filter hides. */
export function findingBlocks(view, on) {
  const { report: r, strings: t, text } = view;
  const review = view.reviewing ? view.review : null;
  const setAside = review ? r.findings.filter((f) => review.of(f)) : [];
  const kept = review ? r.findings.filter((f) => !review.of(f)) : r.findings;
  const shown = kept.filter((f) => (view.only ? f.severity === view.only : !(view.hideInfo && f.severity === "info")));
  const by = view.group;
  const groups = new Map(by === "severity" ? [["error", []], ["warning", []], ["info", []]] : []);
  // By section: the part of the plan each finding is in, in the plan's order.
  const section = (f) => where(r, t, f, true) || t.elsewhere;
  const ordered = by === "section" ? [...shown].sort((a, b) => a.span.start - b.span.start) : shown;
  for (const f of ordered) {
    const key = by === "rule" ? f.rule : by === "section" ? section(f) : f.severity;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(f);
  }
  const blocks = [];
  // A text with thousands of findings lists the first of them, group by group, and a
  // button for the rest: building them all would hold up typing.
  let room = view.listAll ? Infinity : LISTED;
  for (const [key, list] of groups) {
    if (!list.length || room <= 0) continue;
    const title = by === "rule" ? t.kind(key, kindOf(key)) : by === "section" ? key : t.severity[key];
    const listed = list.length > room ? list.slice(0, room) : list;
    room -= listed.length;
    blocks.push(el("h3", {}, t.groupTitle(title, list.length)), el("ul", { class: "findings" }, ...collapsed(listed, view, on)));
  }
  if (!view.listAll && ordered.length > LISTED) {
    const more = el("button", { type: "button", class: "more", part: "more" }, t.more(ordered.length - LISTED));
    more.addEventListener("click", () => {
      view.state.listAll = true;
      on.rerender();
    });
    blocks.push(more);
  }
  const hidden = kept.length - shown.length;
  if (!blocks.length) {
    // A filter that hides every finding says so: "no problems" would be a false verdict.
    if (hidden) blocks.push(el("p", { class: "filtered" }, t.filterHides(hidden)));
    else blocks.push(el("p", { class: "ok" }, text.trim() ? t.none : t.empty));
  }
  if (setAside.length) {
    blocks.push(el("h3", { class: "set-aside" }, t.review.setAsideGroup(setAside.length)),
      el("ul", { class: "findings set-aside" }, ...setAside.map((f) => findingItem(f, view, on))));
  }
  if (review && review.comments.length) blocks.push(...ownComments(view, on));
  return blocks;
}

function ownComments(view, on) {
  const { strings: t, review, text } = view;
  return [el("h3", {}, t.review.own(review.comments.length)), el("ul", { class: "own-comments" },
    ...review.comments.map((c, k) => {
      const remove = el("button", { type: "button", class: "remove" }, t.review.remove);
      remove.addEventListener("click", () => on.removeComment(k));
      return el("li", { class: "own-comment", "data-start": String(c.start) },
        el("q", {}, c.quote || text.slice(c.start, c.end)), " ", el("span", { class: "message" }, c.text), " ", remove);
    }))];
}

// A group's findings as list items; four or more 提示 of one rule (two units listed
// without a lead, again and again) fold into one item that opens to show them, in the
// place of the first.
function collapsed(list, view, on) {
  const t = view.strings;
  const many = new Map();
  for (const f of list) if (f.severity === "info") many.set(f.rule, (many.get(f.rule) || 0) + 1);
  const items = [];
  const folded = new Map();
  for (const f of list) {
    if ((many.get(f.rule) || 0) < 4) {
      items.push(findingItem(f, view, on));
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
    group.inner.append(findingItem(f, view, on));
  }
  return items;
}

// A finding: a list item the keyboard reaches (Enter or Space shows it in the text); the
// reviewer's buttons inside it are its own controls, not part of a button.
function findingItem(f, view, on) {
  const t = view.strings;
  const item = el("li", { "data-rule": f.rule, "data-severity": f.severity, tabindex: "0", class: `finding ${f.severity}`, part: `finding finding-${f.severity}` },
    el("span", { class: "badge" }, t.severity[f.severity] || f.severity),
    el("span", { class: "where", title: t.line(f.span.line) }, where(view.report, t, f)),
    el("span", { class: "message" }, f.message),
    el("span", { class: "kind", title: f.rule }, t.kind(f.rule, kindOf(f.rule))));
  if (f.suggestion) item.append(el("div", { class: "suggestion" }, t.suggestion(f.suggestion)));
  if (view.reviewing) item.append(decisionControls(f, item, view, on));
  // A click anywhere on the item but its buttons shows the finding; Enter or Space on it.
  item.addEventListener("click", (e) => {
    if (!e.target.closest(".decision")) on.show(item);
  });
  item.addEventListener("keydown", (e) => {
    if (e.target === item && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      on.show(item);
    }
  });
  item.finding = f;
  return item;
}

// 不适用 / 已说明 with a reason, or the decision made and a way back.
function decisionControls(f, item, view, on) {
  const t = view.strings.review;
  const box = el("div", { class: "decision" });
  const made = view.review.of(f);
  if (made) {
    item.classList.add("dismissed");
    item.dataset.decision = made.status;
    const undo = el("button", { type: "button", class: "undo" }, t.undo);
    undo.addEventListener("click", () => on.decide(f, null));
    box.append(el("span", { class: "decided" }, t.decided(made.status, made.reason)), " ", undo);
    return box;
  }
  for (const status of ["不适用", "已说明"]) {
    const b = el("button", { type: "button", class: "decide", "data-status": status }, t.status(status));
    b.addEventListener("click", () => {
      const reason = el("input", { type: "text", class: "reason", "aria-label": t.reason, placeholder: t.reason });
      const ok = el("button", { type: "button", class: "confirm" }, t.confirm);
      const cancel = el("button", { type: "button", class: "cancel" }, t.cancel);
      const done = () => on.decide(f, status, reason.value.trim());
      ok.addEventListener("click", done);
      reason.addEventListener("keydown", (e) => {
        if (e.key === "Enter") done();
        if (e.key === "Escape") on.rerender();
      });
      cancel.addEventListener("click", on.rerender);
      box.replaceChildren(el("span", {}, t.status(status)), " ", reason, " ", ok, " ", cancel);
      reason.focus();
    });
    box.append(b, " ");
  }
  return box;
}

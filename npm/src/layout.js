// The element's parts: the editor's place and the results panel, and their labels.

import { el } from "./dom.js";
import { CSS } from "./styles.js";

/** The parts, each a node, by name, built into the element's shadow root with its styles. */
export function buildParts(shadow) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  shadow.adoptedStyleSheets = [sheet];
  const p = {
    layout: el("div", { class: "layout", part: "layout" }),
    editor: el("div", { class: "editor", part: "editor" }),
    wrap: el("div", { class: "textwrap" }),
    head: el("div", { class: "head", part: "head" }),
    results: el("section", { class: "results", part: "results" }),
    status: el("div", { id: "status", class: "status", part: "status", role: "status", "aria-live": "polite" }),
    verdict: el("p", { class: "verdict", part: "verdict", "aria-live": "polite" }),
    printHead: el("p", { class: "print-head", part: "print-head" }),
    hideInfo: el("input", { type: "checkbox", id: "hide-info" }),
    hideInfoLabel: el("span"),
    legend: el("p", { class: "legend", part: "legend" }),
    previous: el("button", { type: "button", class: "nav", part: "nav" }, "↑"),
    next: el("button", { type: "button", class: "nav", part: "nav" }, "↓"),
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
  };
  p.group.append(el("option", { value: "severity" }), el("option", { value: "rule" }), el("option", { value: "section" }));
  p.editor.append(p.wrap);
  p.head.append(p.printHead, p.verdict, p.status, p.summary);
  p.controls = el("div", { class: "controls", part: "controls", hidden: "" }, el("label", {}, p.groupLabel, " ", p.group), " ",
    el("label", {}, p.hideInfo, " ", p.hideInfoLabel), " ", p.previous, p.next);
  p.hFindings.hidden = true;
  p.results.append(p.reading, p.controls,
    p.hFindings, p.findings, p.hCategories, p.categories, p.hIndicators, p.legend, p.indicators);
  p.layout.append(p.editor, p.head, p.results);
  shadow.append(p.layout);
  return p;
}

/** The status line: what the element is doing, or what failed. */
export function showStatus(p, text, failed = false) {
  p.status.textContent = text;
  p.status.classList.toggle("failed", failed);
}

/** The parts' words, in the element's language. */
export function relabel(p, t) {
  p.groupLabel.textContent = t.group;
  p.group.options[0].textContent = t.bySeverity;
  p.group.options[1].textContent = t.byRule;
  p.group.options[2].textContent = t.bySection;
  p.legend.textContent = t.legend;
  p.hFindings.textContent = t.findings;
  p.hideInfoLabel.textContent = t.hideInfo;
  p.hCategories.textContent = t.categories;
  p.hIndicators.textContent = t.indicators;
  p.results.setAttribute("aria-label", t.results);
  p.previous.title = t.previous;
  p.previous.setAttribute("aria-label", t.previous);
  p.next.title = t.next;
  p.next.setAttribute("aria-label", t.next);
}

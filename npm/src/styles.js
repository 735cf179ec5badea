// The element's styles, inside its Shadow DOM.

export const CSS = `
:host {
  --plancheck-font: "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif;
  display: block; container-type: inline-size;
  color: var(--plancheck-ink, #1f2328); font-family: var(--plancheck-font);
}
:host([hidden]) { display: none; }
/* The verdict and the counts (head) above the findings (results), beside the text; on a
   narrow screen above the text, the text sized to the rest of the screen. */
.layout { display: grid; grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr); grid-template-rows: auto minmax(0, 1fr);
  grid-template-areas: "editor head" "editor results"; column-gap: var(--plancheck-gap, 16px); }
.editor { grid-area: editor; }
.head { grid-area: head; font-size: 15px; line-height: 1.6; }
/* Beside the text the findings take the height the text leaves below the head, no more. */
.results { grid-area: results; min-height: 0; contain: size; }
.layout.external { grid-template-columns: minmax(0, 1fr); grid-template-areas: "head" "results"; }
.layout.external .results { contain: none; }
.layout.external .editor { display: none; }
@container (max-width: 760px) {
  .layout { grid-template-columns: 1fr; grid-template-rows: auto auto auto; grid-template-areas: "head" "editor" "results"; }
  .textwrap { height: var(--plancheck-editor-height-narrow, 55vh); }
  .results { contain: none; }
  .verdict { position: static; }
}
.textwrap { position: relative; height: var(--plancheck-editor-height, 60vh); min-height: 240px; }
.results { overflow: auto; max-height: var(--plancheck-results-height, none); font-size: 15px; line-height: 1.6; }
h2 { font-size: 16px; margin: 18px 0 6px; }
h3 { font-size: 14px; margin: 10px 0 4px; color: var(--plancheck-muted, #57606a); }
.status { font-size: 13px; color: var(--plancheck-muted, #57606a); }
.verdict { position: sticky; top: 0; z-index: 1; margin: 0 0 6px; padding: 6px 10px; border-radius: 4px; font-weight: bold; background: var(--plancheck-bg, #f6f8fa); }
.verdict:empty { display: none; }
:host([data-verdict="blocked"]) .verdict { background: var(--plancheck-error-bg, #ffebe9); color: var(--plancheck-error, #cf222e); }
:host([data-verdict="review"]) .verdict { background: var(--plancheck-warning-bg, #fff8c5); color: var(--plancheck-warning, #9a6700); }
:host([data-verdict="ready"]) .verdict { background: var(--plancheck-ok-bg, #dafbe1); color: var(--plancheck-ok, #1a7f37); }
.nav { font: inherit; padding: 0 8px; }
.more { font: inherit; font-size: 13px; margin: 6px 0; }
.summary .count { font: inherit; border: 1px solid transparent; background: none; padding: 0 4px; border-radius: 4px; cursor: pointer; }
.summary .count[aria-pressed="true"] { border-color: currentColor; }
.print-head { display: none; }
.finding .kind { font-size: 12px; color: var(--plancheck-muted, #57606a); margin-left: 4px; }
.finding .decision { margin-top: 4px; font-size: 12px; color: var(--plancheck-muted, #57606a); }
.finding .decision button { font: inherit; font-size: 12px; padding: 1px 6px; }
.finding .decision input { font: inherit; font-size: 12px; width: 12em; }
.finding.dismissed { opacity: 0.65; }
.finding.dismissed .message { text-decoration: line-through; }
.folded { list-style: none; margin: 4px 0; }
.folded summary { cursor: pointer; padding: 4px 8px; border-left: 3px solid var(--plancheck-info, #0969da); color: var(--plancheck-muted, #57606a); }
.folded .findings { padding-left: 12px; }
.own-comments { list-style: none; padding: 0; margin: 0; }
.own-comment { padding: 6px 8px; border-left: 3px solid var(--plancheck-accent, #0969da); margin: 4px 0; }
.own-comment q { color: var(--plancheck-muted, #57606a); }
.own-comment button { font: inherit; font-size: 12px; padding: 1px 6px; }
.finding.at-caret { box-shadow: inset 0 0 0 1px var(--plancheck-muted, #57606a); }
.legend { font-size: 12px; color: var(--plancheck-muted, #57606a); margin: 0 0 4px; }
.categories li.linked, .indicators li.linked { cursor: pointer; }
.categories li.linked:hover, .indicators li.linked:hover { background: var(--plancheck-bg, #f6f8fa); }
.linked > button.go { all: unset; display: flex; justify-content: space-between; width: 100%; box-sizing: border-box; cursor: pointer; }
.indicators .linked > button.go { display: inline; }
.linked > button.go:focus-visible { outline: 2px solid var(--plancheck-accent, #0969da); }
.filtered { color: var(--plancheck-muted, #57606a); }
.set-aside { color: var(--plancheck-muted, #57606a); }
.status.failed { color: var(--plancheck-error, #cf222e); font-weight: bold; }
.summary { display: flex; flex-wrap: wrap; gap: 6px 14px; margin: 6px 0; }
.reading { margin: 4px 0; font-size: 0.9em; color: var(--plancheck-ink, #1f2328); opacity: 0.8; }
.count.error { color: var(--plancheck-error, #cf222e); font-weight: bold; }
.count.warning { color: var(--plancheck-warning, #9a6700); font-weight: bold; }
.count.info { color: var(--plancheck-info, #0969da); }
.controls { font-size: 13px; }
select { font: inherit; padding: 2px 8px; border: 1px solid var(--plancheck-line, #d0d7de); border-radius: var(--plancheck-radius, 6px); background: var(--plancheck-bg, #f6f8fa); }
ul { list-style: none; padding: 0; margin: 0; }
.finding { padding: 6px 8px; border-left: 3px solid var(--plancheck-line, #d0d7de); margin: 4px 0; cursor: pointer; border-radius: 3px; }
.finding:hover, .finding:focus { background: var(--plancheck-bg, #f6f8fa); outline: none; }
.finding:focus-visible { outline: 2px solid var(--plancheck-accent, #0969da); }
.finding[aria-current="true"] { background: var(--plancheck-current-bg, #eaeef2); box-shadow: inset 0 0 0 1px var(--plancheck-accent, #0969da); }
.finding.error { border-left-color: var(--plancheck-error, #cf222e); }
.finding.warning { border-left-color: var(--plancheck-warning, #9a6700); }
.finding.info { border-left-color: var(--plancheck-info, #0969da); }
.badge { font-size: 12px; margin-right: 6px; }
.finding.error .badge { color: var(--plancheck-error, #cf222e); }
.finding.warning .badge { color: var(--plancheck-warning, #9a6700); }
.finding.info .badge { color: var(--plancheck-info, #0969da); }
.where, .rule { color: var(--plancheck-muted, #57606a); font-size: 12px; }
.where { margin-right: 6px; }
.rule { margin-left: 6px; }
.suggestion { color: var(--plancheck-muted, #57606a); font-size: 13px; }
.categories li { display: flex; justify-content: space-between; padding: 3px 0; border-bottom: 1px dashed var(--plancheck-line, #d0d7de); }
.categories li[data-status="covered"] .state { color: var(--plancheck-ok, #1a7f37); }
.categories li[data-status="partial"] .state { color: var(--plancheck-warning, #9a6700); }
.categories li[data-status="missing"] .state { color: var(--plancheck-error, #cf222e); font-weight: bold; }
.indicators { columns: 2; font-size: 13px; }
.indicators li[data-status="missing"] { color: var(--plancheck-error, #cf222e); }
.indicators li.local { color: var(--plancheck-muted, #57606a); }
.ok { color: var(--plancheck-ok, #1a7f37); }
@media print {
  .editor, .controls, .status, .nav { display: none; }
  .print-head { display: block; font-weight: bold; margin: 0 0 6px; }
  .decision button, .decision input, .own-comment button { display: none; }
  .verdict { position: static; }
  .layout { display: block; }
  .results { max-height: none; overflow: visible; contain: none; }
  .finding { break-inside: avoid; }
}
`;

// Reviewing a draft on the page: the verdict, the current finding, F8 through the list,
// text files as Windows tools save them, and what the page says when it cannot start.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { root, fixture, openPage, launch, fill, EDITOR } from "./harness.mjs";

let opened, origin, context, page, errors;

before(async () => {
  opened = await openPage();
  ({ origin, context, page, errors } = opened);
});

after(async () => {
  await opened?.close();
});

const verdict = () => page.getAttribute("plan-checker", "data-verdict");
const verdictText = () => page.$eval("plan-checker", (el) => el.shadowRoot.querySelector(".verdict").textContent);
const shadowActive = () => page.$eval("plan-checker", (el) => el.shadowRoot.activeElement?.dataset.rule ?? null);
const current = () => page.$$eval('[aria-current="true"]', (els) => els.map((e) => e.dataset.rule));
// Whether focus is in the text, and the text selected there.
const inText = () => page.$eval("plan-checker", (el) => Boolean(el.shadowRoot.activeElement?.closest(".cm-content")));
const selected = () => page.$eval("plan-checker", (el) => el.value.slice(el.selection.start, el.selection.end));
const scroller = '.cm-scroller';
const scrollTop = () => page.$eval("plan-checker", (el, s) => el.shadowRoot.querySelector(s).scrollTop, scroller);
const exportsDisabled = () => page.$$eval("#export-json, #copy-md, #print", (els) => els.map((b) => b.disabled));

test("an empty text is not a checked plan: no verdict on it, nothing missing, nothing to export", async () => {
  await fill(page, EDITOR, fixture("unassigned-task/flagged.txt"));
  assert.deepEqual(await exportsDisabled(), [false, false, false]);
  await fill(page, EDITOR, "");
  assert.equal(await verdict(), "empty");
  assert.match(await verdictText(), /请粘贴或打开方案草稿/);
  assert.doesNotMatch(await page.$eval("plan-checker", (el) => el.shadowRoot.getElementById("status").textContent), /已检查/);
  assert.equal(await page.isVisible('[data-status="missing"]'), false);
  assert.deepEqual(await exportsDisabled(), [true, true, true]);
});

test("the verdict says whether the draft is ready, and what blocks it", async () => {
  await fill(page, EDITOR, fixture("unassigned-task/flagged.txt"));
  assert.equal(await verdict(), "blocked");
  assert.match(await verdictText(), /1 个错误.*模板指标提及 \d+ \/ \d+ 项/);
  await fill(page, EDITOR, fixture("horizon-mismatch/flagged.txt"));
  assert.equal(await verdict(), "review");
  await fill(page, EDITOR, fixture("complete.txt"));
  assert.equal(await verdict(), "ready");
  assert.match(await verdictText(), /可以提交/);
});

test("a text that is not a plan is not listed as missing every category", async () => {
  await fill(page, EDITOR, "关于征求意见的通知\n请各单位于本月底前反馈意见。\n");
  assert.equal(await verdict(), "not-a-plan");
  assert.match(await verdictText(), /不是实施方案正文/);
  assert.equal(await page.isVisible('[data-category]'), false);
  assert.equal(await page.isVisible('[data-indicator]'), false);
});

test("a whole draft is reviewed by keyboard: F8 through every finding, then export", async () => {
  const text = fixture("target-missing-date/flagged.txt").replace("（县市场监管局负责）", "");
  await fill(page, EDITOR, text);
  const rules = await page.$$eval("[data-rule]", (els) => els.map((e) => e.dataset.rule));
  assert.ok(rules.length >= 2, `findings: ${rules}`);
  // From the text, F8 shows the first finding and leaves the caret where it was.
  await page.focus(EDITOR);
  await page.keyboard.press("F8");
  assert.deepEqual(await current(), [rules[0]]);
  assert.equal(await inText(), true);
  // From elsewhere on the page (the file picker, the toolbar) F8 goes to the findings too.
  await page.focus("#export-json");
  await page.keyboard.press("Shift+F8");
  assert.deepEqual(await current(), [rules[rules.length - 1]]);
  await page.keyboard.press("F8");
  assert.deepEqual(await current(), [rules[0]]);
  // In the list, F8 walks every finding with focus on the current one, and wraps.
  await page.focus(`[data-rule="${rules[0]}"]`);
  for (let k = 1; k <= rules.length; k++) {
    await page.keyboard.press("F8");
    const want = rules[k % rules.length];
    assert.deepEqual(await current(), [want]);
    assert.equal(await shadowActive(), want);
  }
  await page.keyboard.press("Shift+F8");
  assert.deepEqual(await current(), [rules[rules.length - 1]]);
  assert.equal(await page.$eval("plan-checker", (el) => el.value), text, "the text is never changed by moving through findings");
  // Then the report is exported, by keyboard.
  const download = page.waitForEvent("download");
  await page.focus("#export-json");
  await page.keyboard.press("Enter");
  const file = await (await download).path();
  assert.equal(JSON.parse(fs.readFileSync(file, "utf8")).findings.length, rules.length);
});

test("text files saved as GB18030 or UTF-16 open, and the page says which encoding it read", async () => {
  const want = await (async () => {
    await fill(page, EDITOR, fixture("horizon-mismatch/flagged.txt"));
    return page.$$eval("[data-rule]", (els) => els.map((e) => e.dataset.rule));
  })();
  for (const [file, encoding] of [["gb18030.txt", "GB18030"], ["utf16le-bom.txt", "UTF-16LE"], ["utf16be-bom.txt", "UTF-16BE"], ["utf32le-bom.txt", "UTF-32LE"], ["utf32be-bom.txt", "UTF-32BE"]]) {
    await fill(page, EDITOR, "");
    await page.setInputFiles("#file", path.join(root, "tests/fixtures/encodings", file));
    await page.waitForFunction((name) => document.getElementById("file-status").textContent.includes(name), file);
    assert.match(await page.textContent("#file-status"), new RegExp(encoding), file);
    await page.waitForFunction(() => document.querySelector("plan-checker").verdict !== "empty");
    assert.deepEqual(await page.$$eval("[data-rule]", (els) => els.map((e) => e.dataset.rule)), want, file);
  }
});

test("a WPS file is called one, not an old Word file", async () => {
  await page.setInputFiles("#file", { name: "方案.wps", mimeType: "application/octet-stream", buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) });
  await page.waitForFunction(() => document.getElementById("file-status").textContent.includes("方案.wps"));
  assert.match(await page.textContent("#file-status"), /WPS/);
});

test("with lang=en the group headings use English punctuation", async () => {
  await fill(page, EDITOR, fixture("unassigned-task/flagged.txt"));
  await page.$eval("plan-checker", (el) => el.setAttribute("lang", "en"));
  const headings = await page.$$eval("plan-checker", (els) => [...els[0].shadowRoot.querySelectorAll("#findings h3")].map((h) => h.textContent));
  assert.ok(headings.length > 0);
  for (const h of headings) assert.doesNotMatch(h, /[（）]/, h);
  await page.$eval("plan-checker", (el) => el.removeAttribute("lang"));
});

test("with lang=en the Markdown export is in English too", async () => {
  await fill(page, EDITOR, fixture("unassigned-task/flagged.txt"));
  const zh = await page.$eval("plan-checker", (el) => el.markdown("a.txt"));
  assert.match(zh, /^# 检查报告：/);
  await page.$eval("plan-checker", (el) => el.setAttribute("lang", "en"));
  const en = await page.$eval("plan-checker", (el) => el.markdown("a.txt"));
  await page.$eval("plan-checker", (el) => el.removeAttribute("lang"));
  assert.match(en, /^# Check report: /);
  assert.match(en, /^- Template: /m);
  assert.match(en, /^## Error \(1\)$/m);
  assert.match(en, /^\| Category \| Status \|$/m);
  assert.match(en, /^- Line 11: .*`unassigned-task`/m);
  assert.doesNotMatch(en, /检查报告|对照模板|任务类别|建议：/);
});

test("many 提示 of one kind fold into one item that opens when a finding in it is reached", async () => {
  // Every task's units listed without a lead: ten 提示 of one rule.
  const text = fixture("complete.txt").replace(/（牵头单位：([^，）]+)，责任单位：([^）]+)）/g, "（责任单位：$1、$2）");
  await fill(page, EDITOR, text);
  const folded = await page.$$eval("plan-checker", ([el]) => [...el.shadowRoot.querySelectorAll("[data-folded]")].map((f) => ({
    rule: f.dataset.folded, open: f.querySelector("details").open, summary: f.querySelector("summary").textContent,
    items: f.querySelectorAll(".finding[data-rule]").length,
  })));
  assert.equal(folded.length, 1, JSON.stringify(folded));
  assert.equal(folded[0].rule, "no-lead-unit");
  assert.equal(folded[0].open, false);
  assert.equal(folded[0].items, 10);
  assert.match(folded[0].summary, /10 处/);
  // F8 reaches the first of them: the fold opens, the finding is the current one.
  await page.focus(EDITOR);
  await page.keyboard.press("F8");
  const state = await page.$eval("plan-checker", (el) => ({
    open: el.shadowRoot.querySelector("[data-folded] details").open,
    current: el.shadowRoot.querySelector(".finding[aria-current=true]")?.dataset.rule,
  }));
  assert.deepEqual(state, { open: true, current: "no-lead-unit" });
});

test("when the checker's module cannot load, the page says so, not that the template is wrong", async () => {
  const { context: other, page: p } = await launch(origin);
  try {
    await p.route("**/plancheck_bg.wasm", (route) => route.abort());
    await p.goto(origin + "/");
    await p.waitForFunction(() => /检查器未能加载/.test(document.querySelector("plan-checker").shadowRoot.getElementById("status").textContent), null, { timeout: 15000 });
    assert.doesNotMatch(await p.$eval("plan-checker", (el) => el.shadowRoot.getElementById("status").textContent), /模板有误/);
  } finally {
    await other.close();
  }
});

test("no console errors on the page", () => {
  assert.deepEqual(errors, []);
});

test("the marks are not a stop for Tab, and move with the words as the text changes", async () => {
  await fill(page, EDITOR, fixture("unassigned-task/flagged.txt"));
  // From the text, Tab leaves the editor for the findings' controls, not for the marks.
  await page.focus(EDITOR);
  await page.keyboard.press("Tab");
  assert.equal(await inText(), false);
  const marked = () => page.$eval("plan-checker", (el) => [...el.shadowRoot.querySelectorAll(".cm-finding-error")].map((m) => m.textContent).join(""));
  const before = await marked();
  assert.ok(before.length > 0);
  // Typing in the title, before the mark: at once, before any check, the mark is on the
  // same words; the next report finds them two characters on.
  const at = await page.$eval("plan-checker", (el) => el.report.findings[0].span.start);
  await page.$eval("plan-checker", (el) => el.select({ start: 0, end: 0 }));
  await page.keyboard.type("改改");
  assert.equal(await marked(), before);
  await page.waitForFunction((n) => document.querySelector("plan-checker").report.findings[0]?.span.start === n, at + 2, { timeout: 5000 });
  assert.equal(await marked(), before);
});

test("on a phone, tapping a finding brings its text into view without opening the keyboard", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await fill(page, EDITOR, fixture("target-missing-unit/flagged.txt"));
    await page.$eval('[data-rule="target-missing-unit"]', (e) => e.scrollIntoView());
    await page.click('[data-rule="target-missing-unit"]');
    // The editor scrolls in its next frame.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const [top, bottom, height, active] = await page.$eval("plan-checker", (el) => {
      const box = el.shadowRoot.querySelector(".cm-current").getBoundingClientRect();
      return [box.top, box.bottom, innerHeight, Boolean(el.shadowRoot.activeElement?.closest(".cm-content"))];
    });
    assert.ok(bottom > 0 && top < height, `text at ${top}–${bottom}px, view 0–${height}px`);
    assert.equal(active, false);
  } finally {
    await page.setViewportSize({ width: 1280, height: 720 });
  }
});

test("exports are named after the plan and the date, and follow the text", async () => {
  await page.setInputFiles("#file", path.join(root, "tests/fixtures/horizon-mismatch/flagged.txt"));
  await page.waitForFunction(() => /flagged\.txt/.test(document.getElementById("file-status").textContent));
  let download = page.waitForEvent("download");
  await page.click("#export-json");
  assert.match((await download).suggestedFilename(), /^flagged-\d{4}-\d{2}-\d{2}\.report\.json$/);
  // Another plan pasted over it: the name and the message about the file go.
  await fill(page, EDITOR, fixture("complete.txt"));
  assert.equal(await page.textContent("#file-status"), "");
  const title = await page.$eval("plan-checker", (el) => el.report.document.title);
  assert.ok(title, "the fixture has a title");
  download = page.waitForEvent("download");
  await page.click("#export-json");
  const name = (await download).suggestedFilename();
  assert.ok(name.startsWith(title.replace(/\s+/g, "")), name);
  assert.doesNotMatch(name, /flagged/);
});

test("the edited text can be downloaded, and survives a reload until cleared", async () => {
  const text = fixture("unassigned-task/flagged.txt") + "（补充）\n";
  await fill(page, EDITOR, text);
  const download = page.waitForEvent("download");
  await page.click("#save-text");
  const saved = fs.readFileSync(await (await download).path(), "utf8");
  assert.equal(saved, text);
  await page.reload();
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  await page.waitForFunction(() => document.querySelector("plan-checker").verdict !== "empty");
  assert.equal(await page.inputValue("#text"), text);
  assert.equal(await page.isVisible("#restored"), true);
  await page.click("#forget");
  assert.equal(await page.inputValue("#text"), "");
  await page.reload();
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  assert.equal(await page.inputValue("#text"), "");
  assert.equal(await page.isVisible("#restored"), false);
});

test("closing the tab with unsaved edits asks first", async () => {
  const p = await context.newPage();
  await p.goto(origin + "/");
  await p.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  await p.click(EDITOR);
  await p.keyboard.type("一、重点任务");
  let asked = false;
  p.on("dialog", async (d) => {
    asked = d.type() === "beforeunload";
    await d.dismiss();
  });
  await p.close({ runBeforeUnload: true });
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(asked, true);
  if (!p.isClosed()) await p.close();
  await page.evaluate(() => localStorage.removeItem("plancheck:text"));
});

test("a file dropped on the page is opened", async () => {
  const body = fixture("horizon-mismatch/flagged.txt");
  await page.evaluate((body) => {
    const data = new DataTransfer();
    data.items.add(new File([body], "dropped.txt", { type: "text/plain" }));
    document.querySelector("main").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, body);
  await page.waitForFunction(() => /dropped\.txt/.test(document.getElementById("file-status").textContent));
  await page.waitForSelector('[data-rule="horizon-mismatch"]');
});

const shadowText = (selector) => page.$eval("plan-checker", (el, s) => el.shadowRoot.querySelector(s)?.textContent ?? null, selector);

test("a finding says where it is as the plan does: its part and task, not a line number", async () => {
  await fill(page, EDITOR, fixture("unassigned-task/flagged.txt"));
  const where = await page.$eval('[data-rule="unassigned-task"] .where', (e) => e.textContent);
  assert.match(where, /重点任务 › 任务 2“壮大经营主体”/);
  assert.doesNotMatch(where, /第\d+行/);
});

test("after an edit the page says what it resolved and what is new", async () => {
  const text = fixture("unassigned-task/flagged.txt");
  await fill(page, EDITOR, text);
  await fill(page, EDITOR, text.replace("2.壮大经营主体", "2.壮大经营主体。（县市场监管局负责）"));
  assert.match(await shadowText("#status"), /已解决 1 项/);
  await fill(page, EDITOR, text);
  assert.match(await shadowText("#status"), /新增 1 项/);
});

test("a count filters the list to its findings, and 提示 can be hidden", async () => {
  await fill(page, EDITOR, fixture("target-missing-date/flagged.txt").replace("（县市场监管局负责）", ""));
  const severities = () => page.$$eval("[data-rule]", (els) => [...new Set(els.map((e) => e.dataset.severity))].sort());
  const all = await severities();
  assert.ok(all.length >= 2, `severities: ${all}`);
  await page.click('[data-filter="error"]');
  assert.deepEqual(await severities(), ["error"]);
  await page.click('[data-filter="error"]');
  assert.deepEqual(await severities(), all);
  await page.check("#hide-info");
  assert.ok(!(await severities()).includes("info"));
  await page.uncheck("#hide-info");
  assert.deepEqual(await severities(), all);
});

test("the printed report names the plan, the template and the date", async () => {
  await fill(page, EDITOR, fixture("complete.txt"));
  await page.emulateMedia({ media: "print" });
  try {
    const head = await page.$eval("plan-checker", (el) => {
      const h = el.shadowRoot.querySelector(".print-head");
      return getComputedStyle(h).display === "none" ? null : h.textContent;
    });
    assert.match(head, /对照市场监管总局/);
    assert.match(head, /\d{4}-\d{2}-\d{2}/);
    assert.equal(await page.isVisible(EDITOR), false);
  } finally {
    await page.emulateMedia({ media: "screen" });
  }
});

test("screenshots of a real draft: laptop, phone and print", async (t) => {
  const { maybeCorpus, artifacts } = await import("./harness.mjs");
  const text = maybeCorpus(t, "lixian-draft.txt") ?? fixture("complete.txt");
  fs.mkdirSync(artifacts, { recursive: true });
  try {
    await fill(page, EDITOR, text);
    for (const [name, width, height] of [["laptop", 1366, 768], ["phone", 390, 844]]) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.screenshot({ path: path.join(artifacts, `review-${name}.png`) });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: path.join(artifacts, "review-print.png"), fullPage: true });
    await page.emulateMedia({ media: "screen" });
    for (const name of ["laptop", "phone", "print"]) {
      assert.ok(fs.statSync(path.join(artifacts, `review-${name}.png`)).size > 10000, name);
    }
  } finally {
    await page.setViewportSize({ width: 1280, height: 720 });
  }
});

test("findings are named by what they are, and can be grouped by the plan's sections", async () => {
  await fill(page, EDITOR, fixture("target-missing-date/flagged.txt").replace("（县市场监管局负责）", ""));
  const kinds = await page.$$eval("[data-rule] .kind", (els) => els.map((e) => [e.textContent, e.title]));
  assert.ok(kinds.length > 0);
  for (const [text, id] of kinds) {
    assert.notEqual(text, id, "a kind in words, the id only as its title");
    assert.match(text, /[\u4e00-\u9fff]/);
  }
  const heads = () => page.$eval("plan-checker", (el) => [...el.shadowRoot.querySelectorAll("#findings h3")].map((h) => h.textContent));
  await page.selectOption("plan-checker #group", "rule");
  for (const h of await heads()) assert.doesNotMatch(h, /^[a-z-]+（/, h);
  await page.selectOption("plan-checker #group", "section");
  const sections = await heads();
  assert.ok(sections.some((h) => h.startsWith("重点任务")), sections.join(" | "));
  await page.selectOption("plan-checker #group", "severity");
});

test("a category the plan covers links to where it does, without taking focus", async () => {
  await fill(page, EDITOR, fixture("complete.txt"));
  await page.$eval("plan-checker", (el, s) => { el.shadowRoot.querySelector(s).scrollTop = 0; }, scroller);
  await page.click('[data-category="governance"]');
  await page.waitForFunction((s) => document.querySelector("plan-checker").shadowRoot.querySelector(s).scrollTop > 0, scroller, { timeout: 2000 });
  assert.equal(await inText(), false);
  assert.match(await page.$eval("plan-checker", (el) => el.shadowRoot.querySelector(".legend").textContent), /已提及/);
});

test("moving the caret onto a marked passage shows its finding in the list", async () => {
  await fill(page, EDITOR, fixture("target-missing-unit/flagged.txt"));
  const start = await page.$eval("plan-checker", (el) => el.report.findings.find((f) => f.rule === "target-missing-unit").span.start);
  await page.$eval("plan-checker", (el, at) => el.select({ start: at, end: at }), start - 3);
  await page.keyboard.press("ArrowRight");
  assert.deepEqual(await current(), []);
  for (let k = 0; k < 4; k++) await page.keyboard.press("ArrowRight");
  assert.deepEqual(await current(), ["target-missing-unit"]);
  assert.equal(await inText(), true);
});

/** A CSV text's records (RFC 4180: quoted fields hold commas, quotes and line ends). */
function parseCsv(text) {
  const records = [[""]];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const field = records[records.length - 1];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field[field.length - 1] += '"'; i++; }
      else if (c === '"') quoted = false;
      else field[field.length - 1] += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") field.push("");
    else if (c === "\r" && text[i + 1] === "\n") { records.push([""]); i++; }
    else field[field.length - 1] += c;
  }
  return records.filter((r) => r.length > 1 || r[0] !== "");
}

test("ten drafts dropped at once: a table, progress, a damaged file's reason, CSV read back", async () => {
  const { wordDraft } = await import("./harness.mjs");
  const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  const txt = (rel) => ({ name: rel.replace(/\//g, "-"), mimeType: "text/plain", buffer: fs.readFileSync(path.join(root, "tests/fixtures", rel)) });
  const files = [
    txt("complete.txt"), txt("unassigned-task/flagged.txt"), txt("horizon-mismatch/flagged.txt"),
    txt("target-missing-date/flagged.txt"), txt("no-lead-unit/flagged.txt"), txt("missing-part/flagged.txt"),
    txt("encodings/gb18030.txt"),
    // A file name a spreadsheet would run as a formula.
    { ...txt("schedule-gap/flagged.txt"), name: '=HYPERLINK("x","y").txt' },
    { name: "征求意见稿.docx", mimeType: DOCX, buffer: wordDraft() },
    { name: "损坏.docx", mimeType: DOCX, buffer: Buffer.from("PK\u0003\u0004 not really a zip") },
  ];
  // The progress as it is shown.
  await page.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => window.__progress.push(document.getElementById("batch-progress").textContent))
      .observe(document.getElementById("batch-progress"), { childList: true, characterData: true, subtree: true });
  });
  // Dropped on the page, as a reviewer drags them out of a mail or a folder.
  await page.evaluate((files) => {
    const data = new DataTransfer();
    for (const f of files) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      data.items.add(new File([bytes], f.name, { type: f.mimeType }));
    }
    document.querySelector("main").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files.map((f) => ({ name: f.name, mimeType: f.mimeType, base64: Buffer.from(f.buffer).toString("base64") })));
  await page.waitForFunction(() => /已检查 10 \/ 10/.test(document.getElementById("batch-progress").textContent), null, { timeout: 30000 });
  assert.match(await page.textContent("#batch-progress"), /1 份无法检查/);
  const seen = await page.evaluate(() => window.__progress);
  assert.ok(seen.some((p) => /正在检查 \d+ \/ 10/.test(p)), seen.join(" | "));
  const rows = await page.$$eval("#batch-table tbody tr", (trs) => trs.map((tr) => [tr.dataset.file, tr.dataset.failed === "true"]));
  assert.equal(rows.length, 10);
  assert.deepEqual(rows.filter(([, failed]) => failed).map(([name]) => name), ["损坏.docx"]);
  assert.match(await page.textContent('#batch-table tr[data-file="损坏.docx"]'), /无法检查/);
  // The CSV, read back with a CSV parser: the header, a row per file, the numbers.
  const download = page.waitForEvent("download");
  await page.click("#batch-csv");
  const csv = fs.readFileSync(await (await download).path(), "utf8");
  assert.ok(csv.startsWith("\ufeff"));
  const records = parseCsv(csv.slice(1));
  assert.equal(records.length, 11);
  const header = records[0];
  assert.deepEqual(header.slice(0, 4), ["文件", "标题", "县（区）", "错误"]);
  const complete = records.find((r) => r[0] === "complete.txt");
  assert.deepEqual([complete[2], complete[3], complete[8]], ["青山县", "0", "37 / 37"]);
  // Written as text, led by an apostrophe; never a formula.
  assert.ok(records.some((r) => r[0] === `'=HYPERLINK("x","y").txt`), records.map((r) => r[0]).join(" | "));
  assert.ok(!records.some((r) => /^[=+\-@]/.test(r[0])));
  const unassigned = records.find((r) => r[0] === "unassigned-task-flagged.txt");
  assert.equal(unassigned[header.indexOf("错误")], "1");
  // Sortable: by errors, the most first after a second click.
  await page.click('#batch-table button[data-sort="errors"]');
  await page.click('#batch-table button[data-sort="errors"]');
  const first = await page.$eval("#batch-table tbody tr", (tr) => tr.querySelector('[data-column="errors"]').textContent);
  assert.ok(Number(first) >= 1, `first row has ${first} errors`);
  const { artifacts } = await import("./harness.mjs");
  fs.mkdirSync(artifacts, { recursive: true });
  await page.$eval("#batch", (b) => b.scrollIntoView());
  await (await page.$("#batch")).screenshot({ path: path.join(artifacts, "batch.png") });
  // A row opens its draft in the checker.
  await page.click('#batch-table tr[data-file="horizon-mismatch-flagged.txt"] button');
  await page.waitForSelector('[data-rule="horizon-mismatch"]');
  await page.click("#batch-close");
});

test("对比上一版: the earlier version picked, what changed listed, the comparison downloaded", async () => {
  const now = fixture("complete.txt");
  const earlier = now.replace("研发经费投入强度达到2.5%", "研发经费投入强度达到2.8%")
    .replace("12.营造质量共治氛围", "12.营造全民质量共治氛围");
  await fill(page, EDITOR, now);
  await page.setInputFiles("#old-version", { name: "征求意见稿.txt", mimeType: "text/plain", buffer: Buffer.from(earlier) });
  await page.waitForSelector("#compare:not([hidden])", { timeout: 15000 });
  const weaker = await page.$$eval('#compare-list li[data-change="weaker"]', (els) => els.map((e) => e.firstChild.textContent));
  assert.deepEqual(weaker, ["研发经费投入强度 2.8%（2027年） → 2.5%（2027年）（降低）"]);
  assert.match(await page.textContent("#compare-list"), /改名：营造全民质量共治氛围 → 营造质量共治氛围/);
  // Each item links to where it is in both versions.
  await page.click('#compare-list li[data-change="weaker"] .go-new');
  assert.equal(await selected(), "研发经费投入强度达到2.5%");
  await page.click('#compare-list li[data-change="weaker"] .go-old');
  // The earlier version's passage is marked and scrolled into the pane's view.
  const shown = await page.$eval("#compare-old-text", (pane) => {
    const mark = pane.querySelector("mark");
    const a = pane.getBoundingClientRect();
    const b = mark.getBoundingClientRect();
    return { text: mark.textContent, inView: b.top >= a.top && b.bottom <= a.bottom, scrolled: pane.scrollTop };
  });
  assert.equal(shown.text, "研发经费投入强度达到2.8%");
  assert.ok(shown.inView && shown.scrolled > 0, JSON.stringify(shown));
  const { artifacts } = await import("./harness.mjs");
  fs.mkdirSync(artifacts, { recursive: true });
  await (await page.$("#compare")).screenshot({ path: path.join(artifacts, "compare.png") });
  const download = page.waitForEvent("download");
  await page.click("#compare-json");
  const json = JSON.parse(fs.readFileSync(await (await download).path(), "utf8"));
  assert.equal(json.schema, "plancheck/compare@1");
  assert.equal(json.targets[0].indicator, "rd");
  await page.click("#compare-close");
});

test("a folder of drafts is checked as a batch, its other files left out", async () => {
  const os = await import("node:os");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plancheck-folder-"));
  fs.copyFileSync(path.join(root, "tests/fixtures/complete.txt"), path.join(dir, "甲县.txt"));
  fs.copyFileSync(path.join(root, "tests/fixtures/unassigned-task/flagged.txt"), path.join(dir, "乙县.txt"));
  fs.writeFileSync(path.join(dir, "说明.pdf"), "%PDF-1.7");
  try {
    await page.setInputFiles("#folder", dir);
    await page.waitForFunction(() => /已检查 2 \/ 2/.test(document.getElementById("batch-progress").textContent), null, { timeout: 20000 });
    const names = await page.$$eval("#batch-table tbody tr", (trs) => trs.map((tr) => tr.dataset.file).sort());
    assert.deepEqual(names, ["乙县.txt", "甲县.txt"]);
    await page.click("#batch-close");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// The page in a real browser: Debian's Chromium driven by playwright-core, against the
// page served from www/ on 127.0.0.1.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { root, artifacts, fixture, corpus, openPage, fill, zip, wordDraft, pdfCopy, EDITOR } from "./harness.mjs";

let opened, origin, context, page, consoleErrors, foreignRequests;

async function paste(value) {
  await fill(page, EDITOR, value);
}

// The text the current finding's outline covers in the editor.
const currentMark = () => page.$eval("plan-checker", (el) => {
  const marks = [...el.shadowRoot.querySelectorAll(".cm-current")];
  return marks.length ? marks.map((m) => m.textContent).join("") : null;
});
// The text selected in the editor.
const selection = () => page.$eval("plan-checker", (el) => el.value.slice(el.selection.start, el.selection.end));
// Whether focus is in the text.
const inText = () => page.$eval("plan-checker", (el) => Boolean(el.shadowRoot.activeElement?.closest(".cm-content")));

before(async () => {
  opened = await openPage();
  ({ origin, context, page, errors: consoleErrors, foreign: foreignRequests } = opened);
});

after(async () => {
  await opened?.close();
});

test("a pasted plan shows its findings and the DOM contract", async () => {
  await paste(fixture("unassigned-task/flagged.txt"));
  const rules = await page.$$eval("[data-rule]", (els) => els.map((e) => [e.dataset.rule, e.dataset.severity]));
  assert.deepEqual(rules, [["unassigned-task", "error"]]);
  const cats = await page.$$eval("[data-category]", (els) => els.map((e) => [e.dataset.category, e.dataset.status]));
  assert.equal(cats.length, 7);
  assert.ok(cats.every(([, s]) => s === "covered"));
  assert.match(await page.textContent("#summary"), /1 个错误/);
  // The editable surface: one textbox, named as the page's textarea is, editable.
  const box = page.getByRole("textbox", { name: "粘贴或输入方案全文" });
  assert.equal(await box.count(), 1);
  assert.equal(await box.getAttribute("contenteditable"), "true");
});

test("a corpus plan gives the reviewer's findings", async (t) => {
  const text = corpus(t, "xiuning-2025.txt");
  if (text === null) return;
  await paste(text);
  const units = await page.$$eval('[data-rule="target-missing-unit"] .message', (els) => els.map((e) => e.textContent));
  assert.equal(units.length, 1);
  assert.match(units[0], /3\.29/);
  assert.equal(await page.getAttribute('[data-category="safety"]', "data-status"), "partial");
  assert.equal(await page.$$eval('[data-rule="unassigned-task"]', (els) => els.length), 0);
});

test("activating a finding highlights its span without selecting it or moving focus", async () => {
  const value = fixture("target-missing-unit/flagged.txt");
  await paste(value);
  await page.click('[data-rule="target-missing-unit"]');
  assert.equal(await currentMark(), "新建建筑中绿色建筑比例达到100");
  assert.equal(await page.getAttribute('[data-rule="target-missing-unit"]', "aria-current"), "true");
  assert.equal(await selection(), "");
  // By keyboard: focus stays on the finding, and a second Enter changes nothing in the text.
  await page.click(EDITOR);
  await page.focus('[data-rule="target-missing-unit"]');
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  assert.equal(await inText(), false);
  assert.equal(await page.$eval("plan-checker", (el) => el.value), value);
  assert.equal(await currentMark(), "新建建筑中绿色建筑比例达到100");
  // A finding after many wrapped lines, inside another finding's mark, is scrolled into view.
  await page.setViewportSize({ width: 1000, height: 700 });
  await paste(fixture("complete.txt").replace("（县市场监管局负责）\n\n三、", "（县市场监督管理局、县发改委负责）\n\n三、"));
  await page.$eval("plan-checker", (el) => { el.shadowRoot.querySelector(".cm-scroller").scrollTop = 0; });
  await page.click('[data-rule="unit-name-variant"]');
  assert.equal(await selection(), "");
  await page.waitForFunction(() => {
    const root = document.querySelector("plan-checker").shadowRoot;
    const mark = root.querySelector(".cm-current");
    if (!mark) return false;
    const view = root.querySelector(".cm-scroller").getBoundingClientRect();
    const at = mark.getBoundingClientRect();
    return at.top >= view.top && at.bottom <= view.bottom;
  }, null, { timeout: 2000 });
  assert.ok(await page.$eval("plan-checker", (el) => el.shadowRoot.querySelector(".cm-scroller").scrollTop) > 0);
  await page.setViewportSize({ width: 1280, height: 720 });
});

test("no check runs during IME composition, one runs when it ends", async () => {
  const text = fixture("complete.txt");
  await paste(text);
  assert.equal(await page.$$eval("[data-rule]", (els) => els.length), 0);
  // The unit of a task selected, and a word composed over it by an input method.
  const unit = "（县市场监管局负责）";
  const from = text.indexOf(`${unit}\n（五）`);
  assert.ok(from > 0);
  await page.$eval("plan-checker", (el, span) => el.select(span), { start: from, end: from + unit.length });
  const reports = () => page.evaluate(() => window.__reports);
  const before = await reports();
  const ime = await context.newCDPSession(page);
  await ime.send("Input.imeSetComposition", { text: "zhong", selectionStart: 5, selectionEnd: 5 });
  await page.waitForTimeout(400);
  assert.equal(await reports(), before, "checked while composing");
  assert.equal(await page.$$eval("[data-rule]", (els) => els.length), 0);
  await ime.send("Input.insertText", { text: "中" });
  await page.waitForSelector('[data-rule="unassigned-task"]', { timeout: 3000 });
  assert.ok((await page.$eval("plan-checker", (el) => el.value)).includes("中\n（五）"));
  await ime.detach();
});

test("a .txt file opens through the picker", async () => {
  await page.setInputFiles("#file", path.join(root, "tests/fixtures/horizon-mismatch/flagged.txt"));
  await page.waitForSelector('[data-rule="horizon-mismatch"]', { timeout: 3000 });
  assert.match(await page.textContent("#file-status"), /flagged\.txt/);
});

test("the second reading's findings are listed and marked like any other", async () => {
  await fill(page, EDITOR, fixture("safeguards-incomplete/flagged.txt"));
  await page.waitForSelector('[data-rule="safeguards-incomplete"]', { timeout: 3000 });
  assert.match(await page.textContent('[data-rule="safeguards-incomplete"]'), /保障措施中没有.*经费保障/);
  await page.click('[data-rule="safeguards-incomplete"]');
  assert.match(await currentMark(), /保障措施/);
});

test("an empty file is refused with 文件为空 and the draft is kept, here and in 对比上一版", async () => {
  const draft = await page.$eval("plan-checker", (el) => el.value);
  assert.ok(draft.length > 0);
  for (const buffer of [Buffer.alloc(0), Buffer.from("\n \u3000\n")]) {
    await page.setInputFiles("#file", { name: "空.txt", mimeType: "text/plain", buffer });
    await page.waitForFunction(() => /文件为空/.test(document.getElementById("file-status").textContent));
    assert.equal(await page.$eval("plan-checker", (el) => el.value), draft);
    await page.evaluate(() => { document.getElementById("file-status").textContent = ""; });
  }
  // The saved copy is the draft, not nothing.
  await page.waitForTimeout(300);
  const saved = await page.evaluate(() => Object.keys(localStorage).map((k) => localStorage.getItem(k)).join(""));
  assert.ok(!saved || saved.includes(draft.slice(0, 20)));
  // An empty earlier version: refused the same way, no list of changes.
  await page.setInputFiles("#old-version", { name: "空的上一版.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) });
  await page.waitForFunction(() => /文件为空/.test(document.getElementById("file-status").textContent));
  assert.equal(await page.isVisible("#compare"), false);
});

test("a .docx opens through the picker with its numbering, tables, changes and comments", async () => {
  const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  await page.setInputFiles("#file", { name: "征求意见稿.docx", mimeType: DOCX, buffer: wordDraft() });
  await page.waitForFunction(() => /征求意见稿\.docx/.test(document.getElementById("file-status").textContent));
  const status = await page.textContent("#file-status");
  assert.match(status, /Word：6 段，其中自动编号 4 段/);
  assert.match(status, /表格 1 个/);
  assert.match(status, /插入 1 处、删除 1 处/);
  assert.match(status, /批注 1 条未计入检查/);
  // Read in a worker of its own: the page never waits on a Word file.
  const workers = await page.evaluate(() => performance.getEntriesByType("resource")
    .filter((e) => e.name.endsWith("plancheck-docx-worker.js")).length);
  assert.ok(workers > 0, "the .docx was not read in a worker");
  // The picker is cleared, so that choosing the same file again (saved again in Word)
  // fires a change and reads it again.
  assert.equal(await page.$eval("#file", (input) => input.value), "");
  const text = await page.inputValue("#text");
  assert.match(text, /^一、重点任务$/m);
  assert.match(text, /^（一）推动经济质量效益型发展$/m);
  assert.match(text, /^2\.\t壮大经营主体。$/m);
  assert.doesNotMatch(text, /市场主体|请补充/);
  // The table a row a line, cells separated by tabs; the merged 责任单位 applies to both
  // rows.
  assert.equal(text.match(/\t县市场监管局$/gm).length, 2);
  // The findings point into the text as shown: task 2 has no unit.
  await page.waitForSelector('[data-rule="unassigned-task"]');
  await page.click('[data-rule="unassigned-task"]');
  assert.match(await currentMark(), /壮大经营主体/);
  assert.equal(await page.isVisible("#docx-comments"), true);
  assert.match(await page.textContent("#docx-comments"), /市局：请补充责任单位/);
  // Editing by hand makes it plain text again.
  assert.equal(await page.evaluate(() => document.getElementById("checker").source.kind), "docx");
  await page.type(EDITOR, "。");
  assert.equal(await page.evaluate(() => document.getElementById("checker").source), null);
});

test("Word files that cannot be read say why", async () => {
  const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  const good = wordDraft();
  const cases = [
    [{ name: "坏.docx", mimeType: DOCX, buffer: good.subarray(0, good.length >> 1) }, /已损坏/],
    [{ name: "旧.doc", mimeType: "application/msword", buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) }, /旧版 Word/],
    [{ name: "假.docx", mimeType: DOCX, buffer: Buffer.from("not a zip") }, /不是 Word 文档/],
    [{ name: "非文档.docx", mimeType: DOCX, buffer: zip({ "a.txt": "x" }) }, /不是 Word 文档/],
    [{ name: "巨大.docx", mimeType: DOCX, buffer: Buffer.alloc(33 * 1024 * 1024) }, /过大/],
  ];
  for (const [file, expected] of cases) {
    await page.setInputFiles("#file", file);
    await page.waitForFunction((name) => document.getElementById("file-status").textContent.includes(name), file.name);
    assert.match(await page.textContent("#file-status"), expected, file.name);
  }
});

test("pasted markup stays inert text", async () => {
  const payload = '二、重点任务\n（一）推动经济质量效益型发展\n1.<b>培育</b>企业<img src=y onerror="window.__xss=3">。\n<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>\n';
  await paste(payload);
  await page.waitForSelector('[data-rule="unassigned-task"]');
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.$$eval("img, b, #findings script", (els) => els.length), 0);
  assert.match(await page.textContent('[data-rule="unassigned-task"]'), /<b>培育<\/b>/);
});

test("no request leaves the origin, no console errors; screenshot saved", async () => {
  await paste(fixture("schedule-gap/flagged.txt"));
  fs.mkdirSync(artifacts, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.screenshot({ path: path.join(artifacts, "page.png") });
  assert.deepEqual(foreignRequests, []);
  assert.deepEqual(consoleErrors, []);
});

test("a plan copied out of a PDF viewer gives the clean text's findings, marked on the paste", async () => {
  const clean = fixture("target-missing-unit/flagged.txt");
  await paste(clean);
  const want = await page.$$eval("[data-rule]", (els) => els.map((e) => e.dataset.rule).sort());
  const copy = pdfCopy(clean, { cols: 29, perPage: 12 });
  assert.ok(copy.includes("— 2 —"));
  await paste(copy);
  assert.deepEqual(await page.$$eval("[data-rule]", (els) => els.map((e) => e.dataset.rule).sort()), want);
  assert.match(await page.textContent("#reading"), /合并断行 \d+ 处.*略去页码、页眉 \d+ 处/);
  // Every task is still assigned: clauses broken over lines and pages are read whole.
  const report = await page.evaluate(() => document.querySelector("plan-checker").report);
  assert.equal(report.summary.assigned, report.summary.tasks);
  // The highlight lands on the pasted text: line breaks inside, the same words.
  await page.click('[data-rule="target-missing-unit"]');
  assert.equal((await currentMark()).replace(/\n/g, ""), "新建建筑中绿色建筑比例达到100");
  // Clean text says nothing about how it was read.
  await paste(clean);
  assert.equal(await page.$eval("plan-checker", (el) => el.shadowRoot.getElementById("reading").hidden), true);
});

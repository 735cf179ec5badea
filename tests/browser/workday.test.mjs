// The page as a reviewer uses it all day: F8 through a long list, the marks' tooltips
// under the pointer and at the caret, a phone, filters, findings set aside, the empty page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { fixture, openPage, fill, EDITOR } from "./harness.mjs";

let opened, page;

before(async () => {
  opened = await openPage();
  ({ page } = opened);
  await page.setViewportSize({ width: 1366, height: 768 });
});

after(async () => {
  await opened?.close();
});

// A plan whose tasks name no unit: a dozen findings, more than the panel shows at once.
const unassigned = () => fixture("complete.txt").replace(/（牵头单位：[^）]*）/g, "");

// Where the current finding is, against the panel that scrolls the list.
const currentInView = () => page.$eval("plan-checker", (el) => {
  const item = el.shadowRoot.querySelector('.finding[aria-current="true"]');
  const panel = el.shadowRoot.querySelector(".results").getBoundingClientRect();
  const box = item.getBoundingClientRect();
  return { rule: item.dataset.rule, inView: box.top >= panel.top - 1 && box.bottom <= panel.bottom + 1 };
});

test("F8 from the text walks the list, and the list keeps the current finding in view", async () => {
  await fill(page, EDITOR, unassigned());
  const n = await page.$$eval("plan-checker .finding", (els) => els.length);
  assert.ok(n >= 10, `${n} findings`);
  await page.focus(EDITOR);
  for (let k = 0; k < n - 1; k++) {
    await page.keyboard.press("F8");
    const at = await currentInView();
    assert.ok(at.inView, `F8 ${k + 1}: ${JSON.stringify(at)}`);
  }
  await page.keyboard.press("Shift+F8");
  assert.ok((await currentInView()).inView);
});

test("a mark shows its finding anywhere under the pointer, and at the caret", async () => {
  await fill(page, EDITOR, unassigned());
  // The text from its top (the editor draws only the lines in view).
  await page.$eval("plan-checker", (el) => { el.shadowRoot.querySelector(".cm-scroller").scrollTop = 0; });
  await page.waitForFunction(() => document.querySelector("plan-checker").shadowRoot.querySelector(".cm-finding"));
  await page.$eval("plan-checker", (el) => el.shadowRoot.querySelector(".cm-finding").scrollIntoView({ block: "center" }));
  const rects = await page.$eval("plan-checker", (el) => {
    const view = el.shadowRoot.querySelector(".cm-scroller").getBoundingClientRect();
    return [...el.shadowRoot.querySelectorAll(".cm-finding")].flatMap((m) => [...m.getClientRects()])
      .filter((r) => r.top >= view.top && r.bottom <= view.bottom)
      .map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height }));
  });
  assert.ok(rects.length >= 2, `${rects.length} marks in view`);
  const tip = () => page.$eval("plan-checker", (el) => el.shadowRoot.querySelector(".cm-tooltip-finding")?.textContent ?? null);
  for (const r of rects) {
    for (const f of [0.03, 0.5, 0.97]) {
      await page.mouse.move(2, 2);
      await page.mouse.move(r.x + r.w * f, r.y + r.h / 2);
      await page.waitForFunction(() => document.querySelector("plan-checker").shadowRoot.querySelector(".cm-tooltip-finding"), null, { timeout: 2000 });
      assert.ok(await tip(), `at ${f} of a mark ${r.w}px wide`);
    }
  }
  // Off the marks, it goes.
  await page.mouse.move(2, 2);
  await page.waitForFunction(() => !document.querySelector("plan-checker").shadowRoot.querySelector(".cm-tooltip-finding"));
  // The caret moved into a mark by the keys shows it too.
  const span = await page.$eval("plan-checker", (el) => el.report.findings.find((f) => f.span.end > f.span.start).span);
  await page.$eval("plan-checker", (el, at) => el.select({ start: at, end: at }), span.start);
  await page.keyboard.press("ArrowRight");
  const message = await page.$eval("plan-checker", (el) => el.report.findings.find((f) => f.span.end > f.span.start).message);
  await page.waitForFunction(() => document.querySelector("plan-checker").shadowRoot.querySelector(".cm-tooltip-finding"));
  assert.match(await tip(), new RegExp(message.slice(0, 8).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
});

test("on a phone, the verdict and the counts are in view with the text, at the top of the page", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await fill(page, EDITOR, unassigned());
    await page.evaluate(() => scrollTo(0, 0));
    const at = await page.$eval("plan-checker", (el) => {
      const r = (s) => el.shadowRoot.querySelector(s).getBoundingClientRect();
      return { verdict: r(".verdict").bottom, counts: r(".summary .count").bottom, editor: r(".textwrap").top, height: innerHeight };
    });
    assert.ok(at.verdict < at.height && at.counts < at.height, JSON.stringify(at));
    assert.ok(at.editor < at.height && at.counts <= at.editor, JSON.stringify(at));
  } finally {
    await page.setViewportSize({ width: 1366, height: 768 });
  }
});

test("a filter that hides every finding says so, and printing shows them all", async () => {
  await fill(page, EDITOR, fixture("target-missing-date/flagged.txt"));
  const errors = await page.$eval("plan-checker", (el) => el.report.summary.errors);
  assert.equal(errors, 0);
  await page.click('plan-checker .count[data-filter="error"]');
  const list = await page.textContent("plan-checker #findings");
  assert.doesNotMatch(list, /未发现问题/);
  assert.match(list, /筛选隐藏了 \d+ 个问题/);
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  assert.ok(await page.$$eval("plan-checker .finding", (els) => els.length) > 0);
  await page.evaluate(() => dispatchEvent(new Event("afterprint")));
  await page.emulateMedia({ media: "screen" });
  assert.match(await page.textContent("plan-checker #findings"), /筛选隐藏了/);
  await page.click('plan-checker .count[data-filter="error"]');
});

test("findings set aside leave the verdict, the counts and the Markdown, listed apart", async () => {
  await fill(page, EDITOR, fixture("complete.txt").replace("（牵头单位：县市场监管局，责任单位：县发改委）", ""));
  assert.equal(await page.getAttribute("plan-checker", "data-verdict"), "blocked");
  await page.click("plan-checker .finding.error >> nth=0 >> .decide[data-status='不适用']");
  await page.fill("plan-checker .finding.error >> nth=0 >> input.reason", "由县政府统筹");
  await page.click("plan-checker .finding.error >> nth=0 >> button.confirm");
  await page.waitForSelector("plan-checker .set-aside");
  assert.notEqual(await page.getAttribute("plan-checker", "data-verdict"), "blocked");
  assert.match(await page.textContent("plan-checker .summary"), /0 个错误/);
  assert.match(await page.textContent("plan-checker .summary"), /已置为不适用或已说明 1 项/);
  const md = await page.$eval("plan-checker", (el) => el.markdown("草稿.txt"));
  assert.match(md, /结果：0 个错误/);
  assert.match(md, /## 审核人已搁置（1）/);
  assert.match(md, /不适用：由县政府统筹/);
  // The JSON download: the report with the decisions beside it.
  const download = page.waitForEvent("download");
  await page.click("#export-json");
  const saved = JSON.parse(fs.readFileSync(await (await download).path(), "utf8"));
  assert.equal(saved.schema, "plancheck/review@1");
  assert.deepEqual(saved.kept, { errors: 0, warnings: 0, infos: 0 });
  assert.equal(saved.set_aside.length, 1);
  assert.equal(saved.set_aside[0].reason, "由县政府统筹");
  assert.equal(saved.report.schema, "plancheck/report@1");
  // Back in, it counts again.
  await page.click("plan-checker .finding.dismissed .undo");
  assert.equal(await page.getAttribute("plan-checker", "data-verdict"), "blocked");
});

test("the empty page says what to do, and the example plan can be tried", async () => {
  await page.$eval("plan-checker", (el) => { el.value = ""; });
  await page.waitForFunction(() => document.body.dataset.empty === "true");
  assert.ok(await page.isVisible("#start"));
  assert.equal(await page.isVisible("#export-json"), false);
  await page.click("#example");
  await page.waitForFunction(() => document.body.dataset.empty === "false");
  assert.ok(await page.$eval("plan-checker", (el) => el.report.findings.length > 0));
  assert.equal(await page.isVisible("#start"), false);
  assert.ok(await page.isVisible("#export-json"));
  assert.match(await page.textContent("#file-status"), /示例方案/);
});

test("the caret in a mark (a click, the arrow keys) opens its folded group in the list", async () => {
  // Every clause names its units without a lead: a 提示 a task, folded into one group.
  const text = fixture("complete.txt").replace(/（牵头单位：([^，）]+)，责任单位：([^）]+)）/g, "（$1、$2负责）");
  await fill(page, EDITOR, text);
  assert.ok(await page.$('plan-checker li.folded[data-folded="no-lead-unit"] details:not([open])'));
  const span = await page.$eval("plan-checker", (el) => el.report.findings.find((f) => f.rule === "no-lead-unit").span);
  await page.$eval("plan-checker", (el) => { el.shadowRoot.querySelector(".cm-scroller").scrollTop = 0; });
  await page.$eval("plan-checker", (el, at) => el.select({ start: at, end: at }), span.start + 1);
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector('plan-checker li.folded[data-folded="no-lead-unit"] details[open]');
  const current = await page.$eval("plan-checker", (el) => el.shadowRoot.querySelector('.finding[aria-current="true"]')?.dataset.rule);
  assert.equal(current, "no-lead-unit");
});

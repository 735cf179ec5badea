// Accessibility as axe-core sees it, on the four views a reviewer works in: the empty
// page, a checked plan, a comparison with the earlier version, a batch. axe is injected
// through `evaluate` (the page's policy allows no inline script) and must find nothing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import { fixture, openPage, fill, EDITOR } from "./harness.mjs";

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let opened, page;

before(async () => {
  opened = await openPage();
  ({ page } = opened);
});

after(async () => {
  await opened?.close();
});

/** axe's violations on the page, as `rule: target …` lines. */
async function violations() {
  return page.evaluate(async (source) => {
    if (!window.axe) (0, eval)(source);
    // Shadow roots included; the rules for WCAG 2.1 A and AA and best practice.
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 4).join(" ")}`);
  }, AXE);
}

test("the empty page", async () => {
  assert.deepEqual(await violations(), []);
});

test("a checked plan, its findings listed and marked in the text", async () => {
  await fill(page, EDITOR, fixture("target-missing-date/flagged.txt").replace("（县市场监管局负责）", ""));
  assert.ok(await page.$$eval("[data-rule]", (els) => els.length) >= 2);
  assert.deepEqual(await violations(), []);
  // A finding set aside: its buttons and the reason's field.
  await page.click("plan-checker .finding >> nth=0 >> .decide[data-status='不适用']");
  assert.deepEqual(await violations(), []);
  await page.keyboard.press("Escape");
});

test("a comparison with the earlier version", async () => {
  const now = fixture("complete.txt");
  await fill(page, EDITOR, now);
  const earlier = now.replace("研发经费投入强度达到2.5%", "研发经费投入强度达到2.8%");
  await page.setInputFiles("#old-version", { name: "征求意见稿.txt", mimeType: "text/plain", buffer: Buffer.from(earlier) });
  await page.waitForSelector("#compare:not([hidden])", { timeout: 15000 });
  await page.click('#compare-list li[data-change="weaker"] .go-old');
  assert.deepEqual(await violations(), []);
  await page.click("#compare-close");
});

test("a batch of drafts", async () => {
  const files = ["unassigned-task/flagged.txt", "complete.txt", "horizon-mismatch/flagged.txt"].map((f, k) => ({
    name: `草稿${k + 1}.txt`, mimeType: "text/plain", buffer: Buffer.from(fixture(f)),
  }));
  await page.setInputFiles("#file", files);
  await page.waitForFunction(() => /已检查 3 \/ 3/.test(document.getElementById("batch-progress").textContent), null, { timeout: 30000 });
  assert.deepEqual(await violations(), []);
  await page.click("#batch-close");
});

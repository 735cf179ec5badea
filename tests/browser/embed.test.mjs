// The <plan-checker> element on the example portal page, the worker mode and templates
// from the portal, in Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { root, www, artifacts, fixture, maybeCorpus, serve, launch, fill, pdfCopy, EDITOR } from "./harness.mjs";

const national = JSON.parse(fs.readFileSync(path.join(root, "src/data/national-2024.json"), "utf8"));
const bad = structuredClone(national);
bad.indicators[3].category = "nope";

let server, origin, context, page, errors, foreign;

before(async () => {
  ({ server, origin } = await serve(www, {
    "/test/bad-template.json": ["application/json", JSON.stringify(bad)],
    "/test/province.json": ["application/json", JSON.stringify({ ...national, id: "province-2025", horizon: 2026 })],
  }));
  ({ context, page, errors, foreign } = await launch(origin));
  await page.goto(origin + "/embed.html");
  await page.waitForFunction(() => document.getElementById("checker").template !== null, null, { timeout: 15000 });
});

after(async () => {
  await context?.close();
  server?.close();
});

test("the element checks on input and fires plancheck-report with the report", async () => {
  await page.evaluate(() => {
    window.__details = [];
    document.getElementById("draft").addEventListener("plancheck-report", (e) => window.__details.push(e.detail));
  });
  await fill(page, EDITOR, fixture("unassigned-task/flagged.txt"));
  const detail = await page.evaluate(() => window.__details.at(-1));
  assert.equal(detail.schema, "plancheck/report@1");
  assert.deepEqual(detail.findings.map((f) => f.rule), ["unassigned-task"]);
  assert.deepEqual(await page.$$eval("plan-checker [data-rule]", (els) => els.map((e) => e.dataset.rule)), ["unassigned-task"]);
  assert.equal(await page.$$eval("plan-checker [data-category]", (els) => els.length), 7);
  // The portal's own code reacted to the event.
  assert.match(await page.textContent("#verdict"), /1 个错误/);
  assert.equal(await page.$eval("#submit", (b) => b.disabled), true);
  await fill(page, EDITOR, fixture("complete.txt"));
  assert.equal(await page.$eval("#submit", (b) => b.disabled), false);
  assert.equal(await page.$$eval("plan-checker [data-rule]", (els) => els.length), 0);
});

test("the form's textarea keeps the text the editor shows, and the form submits it", async () => {
  const text = fixture("unassigned-task/flagged.txt");
  await fill(page, EDITOR, text);
  assert.equal(await page.inputValue("#body"), text);
  // A key typed and the form submitted at once, before the pause that starts a check: the
  // form still sends it.
  await page.click(EDITOR);
  await page.keyboard.press("Control+End");
  await page.keyboard.type("补");
  const sent = await page.evaluate(() => new Promise((resolve) => {
    const form = document.getElementById("draft");
    form.addEventListener("submit", () => resolve(new FormData(form).get("body")), { once: true });
    form.requestSubmit();
  }));
  assert.equal(sent, `${text}补`);
  // A script that writes the textarea and says so is shown and checked.
  await page.$eval("#body", (t, v) => { t.value = v; t.dispatchEvent(new Event("input", { bubbles: true })); }, fixture("complete.txt"));
  await page.waitForFunction(() => document.getElementById("checker").report?.findings.length === 0);
  assert.equal(await page.$eval("#checker", (el) => el.value), fixture("complete.txt"));
  assert.equal(await page.isVisible("#body"), false);
});

test("findings are reachable and usable by keyboard", async () => {
  await fill(page, EDITOR, fixture("target-missing-date/flagged.txt").replace("（县市场监管局负责）", ""));
  const rules = await page.$$eval("plan-checker [data-rule]", (els) => els.map((e) => e.dataset.rule));
  assert.ok(rules.length >= 2, `findings: ${rules}`);
  await page.focus("plan-checker [data-rule]");
  await page.keyboard.press("ArrowDown");
  const second = await page.evaluate(() => document.getElementById("checker").shadowRoot.activeElement.dataset.rule);
  assert.equal(second, rules[1]);
  await page.keyboard.press("Enter");
  // The finding is shown, not selected: focus stays on it, and the text is untouched.
  const selected = await page.$eval("#checker", (el) => [Boolean(el.shadowRoot.activeElement?.closest(".cm-content")), el.selection.end > el.selection.start]);
  assert.deepEqual(selected, [false, false]);
  const current = await page.evaluate(() => document.getElementById("checker").shadowRoot.activeElement.getAttribute("aria-current"));
  assert.equal(current, "true");
});

test("an empty body or a text that is not a plan cannot be submitted", async () => {
  await fill(page, EDITOR, fixture("complete.txt"));
  assert.equal(await page.$eval("#submit", (b) => b.disabled), false);
  await fill(page, EDITOR, "");
  assert.equal(await page.getAttribute("#checker", "data-verdict"), "empty");
  assert.equal(await page.$eval("#submit", (b) => b.disabled), true);
  assert.doesNotMatch(await page.textContent("#verdict"), /可以提交/);
  await fill(page, EDITOR, "关于《某县质量强县培育建设实施方案》的起草说明\n一、起草背景\n根据上级要求起草。\n");
  assert.equal(await page.getAttribute("#checker", "data-verdict"), "not-a-plan");
  assert.equal(await page.$eval("#submit", (b) => b.disabled), true);
});

test("severity and lang attributes change what is shown", async () => {
  await fill(page, EDITOR, fixture("no-lead-unit/flagged.txt"));
  assert.ok(await page.$$eval('plan-checker [data-severity="info"]', (els) => els.length) > 0);
  await page.$eval("#checker", (el) => el.setAttribute("severity", "warning"));
  await page.waitForFunction(() => document.getElementById("checker").report.summary.infos === 0);
  assert.equal(await page.$$eval('plan-checker [data-severity="info"]', (els) => els.length), 0);
  // What the attribute leaves out is not counted as “0 提示”.
  assert.equal(await page.$$eval('plan-checker button.count.info', (els) => els.length), 0);
  await page.$eval("#checker", (el) => { el.setAttribute("severity", "info"); el.setAttribute("lang", "en"); });
  await page.waitForFunction(() => document.getElementById("checker").report.summary.infos > 0);
  assert.match(await page.textContent("plan-checker #summary"), /Tasks with a responsible unit/);
  // A finding is named in English, not by its id.
  const kind = await page.$eval('plan-checker [data-rule="no-lead-unit"] .kind', (el) => el.textContent);
  assert.notEqual(kind, "no-lead-unit");
  assert.match(kind, /several units listed/);
  await page.$eval("#checker", (el) => el.setAttribute("lang", "zh-CN"));
  assert.match(await page.textContent("plan-checker #summary"), /任务已明确责任/);
});

test("the worker gives the same report as the main thread, and drops superseded checks", async (t) => {
  const texts = [fixture("complete.txt"), fixture("table.txt"), fixture("schedule-gap/flagged.txt"), pdfCopy(fixture("complete.txt"))];
  for (const name of ["xiuning-2025.txt", "lixian-draft.txt"]) {
    const text = maybeCorpus(t, name);
    if (text !== null) texts.push(text);
  }
  const result = await page.evaluate(async (texts) => {
    const m = await import("./pkg/plan-checker.js");
    const worker = new m.WorkerChecker();
    const same = [];
    for (const text of texts) same.push(JSON.stringify(await worker.check(text)) === JSON.stringify(m.check(text)));
    // Three checks asked at once: the one in flight runs, the middle one is superseded.
    const [a, b, c] = await Promise.all(texts.slice(0, 3).map((text) => worker.check(text)));
    worker.terminate();
    return { same, a: a && a.summary.targets, b, c: c && c.findings.map((f) => f.rule) };
  }, texts);
  assert.equal(result.same.length, texts.length);
  assert.ok(result.same.every(Boolean), `differs: ${result.same}`);
  assert.ok(result.a > 0);
  assert.equal(result.b, null);
  assert.deepEqual(result.c, ["schedule-gap"]);
});

test("the element checks large texts in the worker, and its report matches", async () => {
  // A PDF copy: the worker reads it as the main thread does.
  const text = pdfCopy(fixture("unassigned-task/flagged.txt"), { cols: 33, perPage: 15 });
  await page.$eval("#checker", (el) => el.setAttribute("worker-threshold", "1000"));
  const before = await page.evaluate(() => performance.getEntriesByType("resource").filter((e) => e.name.endsWith("plancheck-worker.js")).length);
  await fill(page, EDITOR, text);
  const [fromElement, onMain, workerLoads] = await page.evaluate(async (text) => {
    const m = await import("./pkg/plan-checker.js");
    return [document.getElementById("checker").report, m.check(text),
      performance.getEntriesByType("resource").filter((e) => e.name.endsWith("plancheck-worker.js")).length];
  }, text);
  assert.ok(workerLoads > before, "the worker was not started");
  assert.deepEqual(fromElement, onMain);
  assert.deepEqual(await page.$$eval("plan-checker [data-rule]", (els) => els.map((e) => e.dataset.rule)), ["unassigned-task"]);
  await page.$eval("#checker", (el) => el.removeAttribute("worker-threshold"));
});

test("a malformed template from the portal shows an error naming the field", async () => {
  const message = await page.evaluate(() => new Promise((resolve) => {
    const el = document.getElementById("checker");
    el.addEventListener("plancheck-error", (e) => resolve(e.detail.message), { once: true });
    el.setAttribute("template", "/test/bad-template.json");
  }));
  assert.match(message, /indicators\[3\]\.category/);
  assert.match(await page.textContent("plan-checker #status"), /indicators\[3\]\.category/);
  assert.equal(await page.$$eval("plan-checker [data-rule]", (els) => els.length), 0);
  // An object with the same fault, through the method: rejects, naming the field.
  const rejected = await page.evaluate(async (bad) => {
    try { await document.getElementById("checker").setTemplate(bad); return "resolved"; } catch (e) { return e.message; }
  }, bad);
  assert.match(rejected, /indicators\[3\]\.category/);
  // A province's variant by URL, then back to the built-in one.
  await page.evaluate(() => document.getElementById("checker").setTemplate("/test/province.json"));
  const info = await page.evaluate(() => document.getElementById("checker").report.template);
  assert.deepEqual(info, { id: "province-2025", name: national.name, horizon: 2026 });
  await page.evaluate(() => document.getElementById("checker").setTemplate("national-2024"));
  assert.equal(await page.evaluate(() => document.getElementById("checker").report.template.id), "national-2024");
});

test("a missing template URL is reported, not thrown", async () => {
  const message = await page.evaluate(() => new Promise((resolve) => {
    const el = document.getElementById("checker");
    el.addEventListener("plancheck-error", (e) => resolve(e.detail.message), { once: true });
    el.setAttribute("template", "/test/no-such-template.json");
  }));
  assert.match(message, /no-such-template\.json.*404/);
  await page.evaluate(() => document.getElementById("checker").setTemplate("national-2024"));
  assert.equal(await page.evaluate(() => document.getElementById("checker").report.template.id), "national-2024");
});

test("for= checks a textarea elsewhere; without one the element has its own", async () => {
  const rules = await page.evaluate(async (text) => {
    const ta = document.createElement("textarea");
    ta.id = "elsewhere";
    document.body.append(ta);
    const el = document.createElement("plan-checker");
    el.setAttribute("for", "elsewhere");
    const own = document.createElement("plan-checker");
    const ready = [el, own].map((x) => new Promise((resolve) => x.addEventListener("plancheck-ready", resolve, { once: true })));
    document.body.append(el, own);
    await Promise.all(ready);
    ta.value = text;
    const a = await el.check();
    own.value = text;
    const b = own.report;
    const out = [a.findings.map((f) => f.rule), b.findings.map((f) => f.rule), own.textarea === null && own.shadowRoot.querySelector('[role="textbox"]') !== null];
    el.remove(); own.remove(); ta.remove();
    return out;
  }, fixture("unassigned-task/flagged.txt"));
  assert.deepEqual(rules, [["unassigned-task"], ["unassigned-task"], true]);
});

test("a read-only textarea is shown and checked, not edited", async () => {
  const found = await page.evaluate(async (text) => {
    const el = document.createElement("plan-checker");
    const ta = document.createElement("textarea");
    ta.readOnly = true;
    ta.value = text;
    el.append(ta);
    const reported = new Promise((resolve) => el.addEventListener("plancheck-report", resolve, { once: true }));
    document.body.append(el);
    await reported;
    const content = el.shadowRoot.querySelector(".cm-content");
    const out = [el.report.findings.map((f) => f.rule), content.getAttribute("contenteditable"), content.getAttribute("aria-readonly")];
    el.remove();
    return out;
  }, fixture("unassigned-task/flagged.txt"));
  assert.deepEqual(found, [["unassigned-task"], "false", "true"]);
});

test("embed.html: no console errors, no request off the origin; screenshot saved", async () => {
  await fill(page, EDITOR, fixture("target-missing-unit/flagged.txt"));
  fs.mkdirSync(artifacts, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: path.join(artifacts, "embed.png") });
  assert.deepEqual(foreign, []);
  // The one 404 is the missing template the test above asked for.
  assert.ok(errors.filter((e) => /status of 404/.test(e)).length <= 1, errors.join("\n"));
  assert.deepEqual(errors.filter((e) => !/status of 404/.test(e)), []);
});

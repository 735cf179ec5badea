// The page's defences and limits in Chromium: its Content-Security-Policy (and that a
// violation is reported), markup in the text, a file name or a template staying inert,
// no request leaving the origin, working offline after load, and odd or oversized input.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { root, www, fixture, serve, launch, fill, EDITOR } from "./harness.mjs";

const PAYLOAD = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script><svg onload="window.__xss=3">`;
const national = JSON.parse(fs.readFileSync(path.join(root, "src/data/national-2024.json"), "utf8"));

let server, origin, context, page, errors, foreign;
const blocked = [];

before(async () => {
  ({ server, origin } = await serve(www));
  ({ context, page, errors, foreign } = await launch(origin));
  // Every request off the origin is stopped here and recorded, besides being listed.
  await context.route((url) => !url.href.startsWith(origin) && !/^(data|blob):/.test(url.href), (route) => {
    blocked.push(route.request().url());
    route.abort();
  });
  await page.goto(origin + "/");
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  await page.evaluate(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});

after(async () => {
  await context?.close();
  server?.close();
});

test("the pages carry a strict CSP and no inline script, style or handler", () => {
  for (const name of ["index.html", "embed.html", "bench.html"]) {
    const html = fs.readFileSync(path.join(www, name), "utf8");
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/);
    assert.ok(csp, `${name}: no CSP`);
    assert.match(csp[1], /default-src 'self'/);
    assert.match(csp[1], /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    assert.doesNotMatch(csp[1], /'unsafe-inline'|'unsafe-eval'|\s\*/);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, `${name}: inline script`);
    assert.doesNotMatch(html, /\son[a-z]+=|\sstyle=|<style/i, `${name}: inline handler or style`);
  }
});

test("a CSP violation is blocked and reported", async () => {
  const result = await page.evaluate(async () => {
    const s = document.createElement("script");
    s.textContent = "window.__inline = 1";
    document.body.append(s);
    // A string timer is evaluated by the page itself, under its policy.
    setTimeout("window.__evaluated = 1", 0);
    const img = document.createElement("img");
    img.src = "https://example.invalid/x.png";
    document.body.append(img);
    await new Promise((r) => setTimeout(r, 300));
    s.remove(); img.remove();
    return { inline: window.__inline, evaluated: window.__evaluated, violations: window.__violations };
  });
  assert.equal(result.inline, undefined);
  assert.equal(result.evaluated, undefined);
  assert.ok(result.violations.some((v) => v.startsWith("script-src")), result.violations.join("; "));
  assert.ok(result.violations.some((v) => v.startsWith("img-src")), result.violations.join("; "));
  errors.length = 0; // the violations above are logged as errors by design
  // The interception sees the image's request before the policy refuses it; it is this
  // test's own, not the page's.
  for (const list of [blocked, foreign]) {
    for (let i = list.length - 1; i >= 0; i--) if (list[i].startsWith("https://example.invalid/")) list.splice(i, 1);
  }
});

test("markup in the text, a file name and a template's strings stays inert", async () => {
  await fill(page, EDITOR, `二、重点任务\n（一）推动经济质量效益型发展\n1.${PAYLOAD}培育企业。\n`);
  await page.setInputFiles("#file", { name: `${PAYLOAD}.txt`, mimeType: "text/plain", buffer: Buffer.from(fixture("unassigned-task/flagged.txt")) });
  await page.waitForFunction(() => /onerror/.test(document.getElementById("file-status").textContent));
  const template = structuredClone(national);
  template.name = PAYLOAD;
  template.categories[0].name = PAYLOAD;
  template.indicators[0].name = PAYLOAD;
  await page.evaluate((t) => document.getElementById("checker").setTemplate(t), template);
  const shadowMarkup = await page.evaluate(() => document.getElementById("checker").shadowRoot.querySelectorAll("img, svg, script").length);
  assert.equal(shadowMarkup, 0);
  assert.equal(await page.$$eval("body img, body svg, body script:not([src])", (els) => els.length), 0);
  assert.ok((await page.textContent('[data-category="econ"]')).includes("<img src=x"));
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  await page.evaluate(() => document.getElementById("checker").setTemplate("national-2024"));
});

test("it keeps working offline after load, large texts included", async () => {
  await context.setOffline(true);
  try {
    await fill(page, EDITOR, fixture("unassigned-task/flagged.txt"));
    assert.deepEqual(await page.$$eval("[data-rule]", (els) => els.map((e) => e.dataset.rule)), ["unassigned-task"]);
    // Large enough for the worker, whose script was never fetched: checked all the same.
    const rules = await page.evaluate(async (text) => {
      const el = document.getElementById("checker");
      // Listening first: a text checked on the main thread reports before the setter returns.
      const reported = new Promise((resolve) => el.addEventListener("plancheck-report", () => resolve(true), { once: true }));
      el.value = text;
      const done = await Promise.race([reported, new Promise((resolve) => setTimeout(() => resolve(false), 20000))]);
      if (!done) return "no report within 20 s";
      return el.report.findings.filter((f) => f.rule === "unassigned-task").length;
    }, fixture("unassigned-task/flagged.txt").repeat(40));
    assert.ok(typeof rules === "number" && rules >= 40, `unassigned-task findings: ${rules}`);
  } finally {
    await context.setOffline(false);
  }
  // The failed worker fetch is the one error expected here.
  const unexpected = errors.filter((e) => !/plancheck-worker|ERR_INTERNET_DISCONNECTED|Failed to load resource|worker/i.test(e));
  assert.deepEqual(unexpected, []);
  errors.length = 0;
});

test("below the worker threshold, a check of any hostile shape holds the page under 100 ms", async () => {
  const times = await page.evaluate(async () => {
    const m = await import("./pkg/plan-checker.js");
    const task = "二、重点任务\n（一）推动经济质量效益型发展\n1.推进。";
    const fit = (unit) => unit.repeat(Math.floor((19999 - task.length) / unit.length));
    const shapes = {
      "a table as one line": task + fit("98 97.5 县市场监管局 2027 "),
      "deadlines": task + fit("到2027年，"),
      "placeholders": task + fit("达到 %，××家，____，"),
      "not-quantified phrases": task + "食品抽检合格率" + fit("完成上级下达任务，").slice(10),
      "bare headings": fit("一、\n"),
      "page numbers": fit("- 7 -\n某县质量强县培育建设实施方案\n"),
      "unit names": task + "（" + Array.from({ length: 2500 }, (_, i) => `县第${i}局`).join("、").slice(0, 19000) + "负责）",
    };
    const out = {};
    for (const [name, text] of Object.entries(shapes)) {
      m.check(text); // warm
      const runs = [];
      for (let i = 0; i < 3; i += 1) {
        const t = performance.now();
        m.check(text);
        runs.push(performance.now() - t);
      }
      out[name] = [text.length, runs.sort((a, b) => a - b)[1]];
    }
    return out;
  });
  for (const [name, [length, ms]] of Object.entries(times)) {
    console.log(`${name}: ${length} characters, ${ms.toFixed(1)} ms`);
    assert.ok(length < 20000, `${name}: ${length} characters`);
    assert.ok(ms < 100, `${name}: ${ms.toFixed(1)} ms on the main thread`);
  }
});

test("odd and oversized input: checked, or refused with a message, never a frozen page", async () => {
  const cases = [
    ["100,000 lines of one character", "\"一\\n\".repeat(100000)"],
    ["a single 1 MB line", "\"质量强县\".repeat(87382)"],
    ["deeply nested brackets", "\"二、重点任务\\n1.培育\" + \"（\".repeat(20000) + \"县市场监管局负责\" + \"）\".repeat(20000)"],
  ];
  for (const [what, expr] of cases) {
    const t = Date.now();
    const report = await page.evaluate(async (expr) => {
      const el = document.getElementById("checker");
      const reported = new Promise((resolve) => el.addEventListener("plancheck-report", (e) => resolve(e.detail.schema), { once: true }));
      el.value = (0, eval)(expr);
      return Promise.race([reported, new Promise((resolve) => setTimeout(() => resolve("no report within 30 s"), 30000))]);
    }, expr).catch((e) => String(e));
    assert.equal(report, "plancheck/report@1", what);
    assert.ok(Date.now() - t < 20000, `${what}: ${Date.now() - t} ms`);
    // The page still answers.
    assert.equal(await page.evaluate(() => 1 + 1), 2);
  }
  // Over the limit: a message, and no stale findings.
  const message = await page.evaluate(() => new Promise((resolve) => {
    const el = document.getElementById("checker");
    el.addEventListener("plancheck-error", (e) => resolve(e.detail.message), { once: true });
    el.value = "质".repeat(3 * 1024 * 1024);
  }));
  assert.match(message, /文本过大/);
  assert.equal(await page.$$eval("[data-rule]", (els) => els.length), 0);
  // Files: too large (refused before reading), binary, in no known encoding.
  const files = [
    [{ name: "huge.txt", mimeType: "text/plain", buffer: Buffer.alloc(9 * 1024 * 1024, 0x61) }, /过大/],
    [{ name: "image.txt", mimeType: "text/plain", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) }, /不是可识别的文本/],
    [{ name: "bytes.txt", mimeType: "text/plain", buffer: Buffer.from([0xff, 0xff, 0xff]) }, /不是可识别的文本/],
    [{ name: "plan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7") }, /暂不支持/],
  ];
  for (const [file, expected] of files) {
    await page.setInputFiles("#file", file);
    await page.waitForFunction((name) => document.getElementById("file-status").textContent.includes(name), file.name);
    assert.match(await page.textContent("#file-status"), expected, file.name);
  }
});

test("no request left the origin; no unexpected console errors", () => {
  assert.deepEqual(blocked, []);
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
});

test("a misspelled rule id, an unknown key, a bad pattern or a deep template is refused by name, and checking goes on", async () => {
  const vocabulary = JSON.parse(fs.readFileSync(path.join(root, "src/data/vocabulary.json"), "utf8"));
  const result = await page.evaluate(async ([national, vocabulary]) => {
    const { check, PlanChecker } = await import("./pkg/plancheck.js");
    const text = "二、重点任务\n（一）推动经济质量效益型发展\n1.培育企业。\n";
    const message = (f) => { try { f(); return "no error"; } catch (e) { return `${e.constructor.name}: ${e.message}`; } };
    const badPattern = { ...national, vocabulary: { ...vocabulary, deadlines: ["(到", ...vocabulary.deadlines.slice(1)] } };
    let deep = "[]";
    for (let i = 0; i < 5000; i++) deep = `[${deep}]`;
    const out = {
      rule: message(() => check(text, { disable: ["target-misisng-unit"] })),
      key: message(() => check(text, { disabled: ["no-lead-unit"] })),
      field: message(() => new PlanChecker({ ...national, colour: "red" })),
      pattern: message(() => new PlanChecker(badPattern)),
      deep: message(() => new PlanChecker(`{"id":"x","name":"x","horizon":2027,"parts":${deep},"categories":[],"indicators":[]}`)),
      number: message(() => new PlanChecker(3)),
      text: message(() => new PlanChecker(JSON.stringify(national)).check(text)),
    };
    out.after = check(text).findings.length;
    return out;
  }, [national, vocabulary]);
  assert.match(result.rule, /^TypeError: .*unknown rule id "target-misisng-unit"; known: .*no-lead-unit/);
  assert.match(result.key, /^TypeError: .*unknown key "disabled"/);
  assert.match(result.field, /colour/);
  assert.match(result.pattern, /vocabulary\.deadlines\[0\]/);
  assert.match(result.deep, /^Error: template: .*(recursion|parts|invalid type.*line 1 column)/);
  assert.match(result.number, /^TypeError/);
  assert.equal(result.text, "no error");
  assert.ok(result.after > 0);
});

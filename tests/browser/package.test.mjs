// The npm package as a portal developer gets it: `npm pack` of pkg/, installed into an empty
// folder, imported in Node.js and in Chromium, its types compiled by TypeScript, and its JSON
// Schemas checked against the template and real reports.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { root, fixture, maybeCorpus, serve, launch, wordDraft } from "./harness.mjs";

const pkg = path.join(root, "pkg");
let app;

before(() => {
  assert.ok(fs.existsSync(path.join(pkg, "package.json")), "pkg/ missing: run `make package`");
  app = fs.mkdtempSync(path.join(os.tmpdir(), "plancheck-portal-"));
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", app, pkg], { encoding: "utf8" });
  const [{ filename, files }] = JSON.parse(out);
  assert.ok(files.some((f) => f.path === "plancheck_bg.wasm"));
  assert.ok(files.some((f) => f.path === "LICENSE"), "the package carries its licence");
  assert.ok(files.some((f) => f.path === "plancheck-docx-worker.js"));
  fs.writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "portal", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", path.join(app, filename)], { cwd: app, stdio: "pipe" });
});

after(() => {
  if (app) fs.rmSync(app, { recursive: true, force: true });
});

test("the package's version is the crate's", () => {
  const cargo = fs.readFileSync(path.join(root, "Cargo.toml"), "utf8").match(/^version = "(.+)"/m)[1];
  const installed = JSON.parse(fs.readFileSync(path.join(app, "node_modules/plancheck/package.json"), "utf8"));
  assert.equal(installed.version, cargo);
  assert.equal(installed.name, "plancheck");
});

test("the installed package imports and checks in Node.js", () => {
  fs.writeFileSync(path.join(app, "check.js"), `
    import { readFileSync } from "node:fs";
    import { check, version, templates, PlanChecker } from "plancheck";
    const text = readFileSync(process.argv[2], "utf8");
    const report = check(text);
    const province = new PlanChecker(readFileSync(process.argv[3], "utf8"));
    let bad = null;
    try { new PlanChecker("{}"); } catch (e) { bad = e.message; }
    console.log(JSON.stringify({ rules: report.findings.map((f) => f.rule), version: version(),
      ids: templates().map((t) => t.id), province: province.check(text).template.id, bad }));
  `);
  const out = execFileSync("node", ["check.js", path.join(root, "tests/fixtures/unassigned-task/flagged.txt"),
    path.join(root, "src/data/national-2024.json")], { cwd: app, encoding: "utf8" });
  const got = JSON.parse(out);
  assert.deepEqual(got.rules, ["unassigned-task"]);
  assert.equal(got.ids[0], "national-2024");
  assert.equal(got.province, "national-2024");
  assert.match(got.bad, /field/);
});

test("the element's module imports in Node.js (server rendering) without a DOM", () => {
  fs.writeFileSync(path.join(app, "element.js"), `
    const m = await import("plancheck/element");
    console.log(JSON.stringify({ element: typeof m.PlanCheckerElement, check: typeof m.check }));
  `);
  const got = JSON.parse(execFileSync("node", ["element.js"], { cwd: app, encoding: "utf8" }));
  assert.deepEqual(got, { element: "function", check: "function" });
});

test("the .docx reader imports and reads a Word draft in Node.js", () => {
  fs.writeFileSync(path.join(app, "draft.docx"), wordDraft());
  fs.writeFileSync(path.join(app, "docx.js"), `
    import { readFileSync } from "node:fs";
    import { readDocx } from "plancheck/docx";
    import { check } from "plancheck";
    const doc = readDocx(readFileSync("draft.docx"));
    let error = null;
    try { readDocx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])); } catch (e) { error = [e.name, e.kind]; }
    console.log(JSON.stringify({ first: doc.text.split("\\n")[1], numbered: doc.numbered, comments: doc.comments.length,
      rules: check(doc.text).findings.map((f) => f.rule), error }));
  `);
  const got = JSON.parse(execFileSync("node", ["docx.js"], { cwd: app, encoding: "utf8" }));
  assert.equal(got.first, "一、重点任务");
  assert.equal(got.numbered, 4);
  assert.equal(got.comments, 1);
  assert.ok(got.rules.includes("unassigned-task"), got.rules.join());
  assert.deepEqual(got.error, ["DocxError", "legacy-doc"]);
});

test("the bundler entry loads through WebAssembly ESM integration", () => {
  const out = execFileSync("node", ["--experimental-wasm-modules", "--no-warnings", "--input-type=module", "-e",
    `import { check } from "plancheck/bundler"; import { readFileSync } from "node:fs";
     console.log(JSON.stringify(check(readFileSync(process.argv[1], "utf8")).findings.map((f) => f.rule)));`,
    path.join(root, "tests/fixtures/unassigned-task/flagged.txt")], { cwd: app, encoding: "utf8" });
  assert.deepEqual(JSON.parse(out), ["unassigned-task"]);
});

test("the TypeScript declarations type a portal's code", () => {
  fs.writeFileSync(path.join(app, "portal.ts"), `
    import init, { check, PlanChecker, type Report, type Template, type CheckOptions } from "plancheck";
    import { WorkerChecker, type PlanCheckerElement } from "plancheck/element";
    export async function run(text: string, template: Template): Promise<number> {
      await init();
      const options: CheckOptions = { minSeverity: "warning", disable: ["no-lead-unit"] };
      const report: Report = check(text, options);
      const province = new PlanChecker(JSON.stringify(template));
      const worker = new WorkerChecker({ template });
      const late: Report | null = await worker.check(text);
      const el: PlanCheckerElement = document.createElement("plan-checker");
      el.addEventListener("plancheck-report", (e) => console.log(e.detail.summary.errors));
      return report.findings.filter((f) => f.severity === "error").length + province.check(text).summary.tasks + (late ? 1 : 0);
    }
  `);
  // And a mistake the declarations must catch.
  fs.writeFileSync(path.join(app, "wrong.ts"), `
    import { check } from "plancheck";
    export const n: string = check("x").summary.errors;
  `);
  const tsc = path.join(root, "tests/browser/node_modules/typescript/bin/tsc");
  const flags = ["--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--lib", "esnext,dom", "--skipLibCheck", "false"];
  try {
    execFileSync("node", [tsc, ...flags, "portal.ts"], { cwd: app, stdio: "pipe" });
  } catch (e) {
    assert.fail(`tsc: ${e.stdout}${e.stderr}`);
  }
  assert.throws(() => execFileSync("node", [tsc, ...flags, "wrong.ts"], { cwd: app, stdio: "pipe" }),
    (e) => /TS2322/.test(String(e.stdout)));
});

test("the installed package works in Chromium: the element and the worker", async () => {
  fs.writeFileSync(path.join(app, "index.html"), `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; worker-src 'self'">
    <script type="module" src="node_modules/plancheck/plan-checker.js"></script></head>
    <body><plan-checker worker="always"><textarea id="t"></textarea></plan-checker></body></html>`);
  const { server, origin } = await serve(app);
  const { context, page, errors, foreign } = await launch(origin);
  try {
    await page.goto(origin + "/");
    await page.waitForFunction(() => document.querySelector("plan-checker").template !== null, null, { timeout: 15000 });
    const rules = await page.evaluate(async (text) => {
      const el = document.querySelector("plan-checker");
      el.value = text;
      await new Promise((resolve) => el.addEventListener("plancheck-report", resolve, { once: true }));
      return el.report.findings.map((f) => f.rule);
    }, fixture("unassigned-task/flagged.txt"));
    assert.deepEqual(rules, ["unassigned-task"]);
    assert.deepEqual(await page.$$eval("plan-checker [data-rule]", (els) => els.map((e) => e.dataset.rule)), ["unassigned-task"]);
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign, []);
  } finally {
    await context.close();
    server.close();
  }
});

test("the JSON Schemas accept the template and real reports, and reject broken ones", async (t) => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const schema = (name) => JSON.parse(fs.readFileSync(path.join(app, "node_modules/plancheck/schema", name), "utf8"));
  const template = ajv.compile(schema("template.schema.json"));
  const report = ajv.compile(schema("report.schema.json"));
  const national = JSON.parse(fs.readFileSync(path.join(root, "src/data/national-2024.json"), "utf8"));
  assert.ok(template(national), ajv.errorsText(template.errors));
  const vocabulary = JSON.parse(fs.readFileSync(path.join(root, "src/data/vocabulary.json"), "utf8"));
  assert.ok(template({ ...national, vocabulary }), ajv.errorsText(template.errors));
  assert.equal(template({ ...national, horizon: "2027" }), false);
  assert.equal(template({ ...national, indicators: [{ ...national.indicators[0], unit: ["元"] }] }), false);

  const { check } = await import(path.join(app, "node_modules/plancheck/node.js"));
  const texts = ["complete.txt", "table.txt", "unassigned-task/flagged.txt", "target-missing-unit/flagged.txt", "not-a-plan/flagged.txt"].map(fixture);
  for (const name of ["xiuning-2025.txt", "lixian-draft.txt"]) {
    const text = maybeCorpus(t, name);
    if (text !== null) texts.push(text);
  }
  texts.push("", "\u{20BB7}\u{1F600}\n二、重点任务\n");
  for (const text of texts) {
    const r = check(text);
    assert.ok(report(r), ajv.errorsText(report.errors));
  }
  const r = check(fixture("unassigned-task/flagged.txt"));
  r.findings[0].severity = "fatal";
  assert.equal(report(r), false);
});

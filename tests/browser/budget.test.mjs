// The size budget of the WebAssembly module (SPEC.md): ≤ 350 KB gzipped, as the page
// serves it (after wasm-opt), and a raw bound beside it. Sizes, not times: this is deterministic.
// The .docx reader is a second module, fetched only when a Word file is opened; it has a
// budget of its own so that it cannot grow unnoticed either.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { www, root } from "./harness.mjs";

const KB = 1000;
const BUDGET = { raw: 1000 * KB, gzip: 350 * KB };

const DOCX_BUDGET = { raw: 300 * KB, gzip: 125 * KB };

const modules = [];
for (const dir of [path.join(www, "pkg"), path.join(root, "pkg"), path.join(root, "pkg/bundler")]) {
  modules.push([path.join(dir, "plancheck_bg.wasm"), BUDGET], [path.join(dir, "plancheck_docx_bg.wasm"), DOCX_BUDGET]);
}

for (const [file, BUDGET] of modules) {
  test(`${path.relative(root, file)} is within its size budget`, (t) => {
    const bytes = fs.readFileSync(file);
    const raw = bytes.length;
    const gzip = zlib.gzipSync(bytes, { level: 9 }).length;
    t.diagnostic(`raw ${raw} bytes (budget ${BUDGET.raw}), gzip ${gzip} bytes (budget ${BUDGET.gzip})`);
    assert.ok(raw <= BUDGET.raw, `raw ${raw} > ${BUDGET.raw}`);
    assert.ok(gzip <= BUDGET.gzip, `gzip ${gzip} > ${BUDGET.gzip}`);
  });
}

// The modules name no path of the machine that built them (the build remaps them).
for (const [file] of modules) {
  test(`${path.relative(root, file)} carries no build machine path`, () => {
    const text = fs.readFileSync(file).toString("latin1");
    for (const local of [root, process.env.HOME, "/root/", "/home/"].filter(Boolean)) {
      assert.ok(!text.includes(local), `${local} appears in ${file}`);
    }
  });
}

// The page's first load: what it fetches before it can check — the page, its script and
// style, the element (with the editor bundled in), the checker's glue and module.
// Gzipped as a server would send them. The editor is most of the element; this keeps the
// element from growing unnoticed.
const FIRST_LOAD = ["index.html", "app.js", "style.css", "pkg/plan-checker.js", "pkg/plancheck.js", "pkg/plancheck_bg.wasm"];
const ELEMENT_BUDGET = { raw: 330 * KB, gzip: 105 * KB };
// The module's and the element's budgets, and 10 KB for the page, its script and style
// and the module's glue.
const FIRST_LOAD_BUDGET = BUDGET.gzip + ELEMENT_BUDGET.gzip + 10 * KB;

test("the element is within its size budget, and the page's first load within its own", (t) => {
  const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(www, file)), { level: 9 }).length;
  const element = fs.statSync(path.join(www, "pkg/plan-checker.js")).size;
  const elementGzip = gz("pkg/plan-checker.js");
  const first = FIRST_LOAD.reduce((sum, file) => sum + gz(file), 0);
  t.diagnostic(`element raw ${element} bytes, gzip ${elementGzip} bytes; first load gzip ${first} bytes`);
  assert.ok(element <= ELEMENT_BUDGET.raw, `element raw ${element} > ${ELEMENT_BUDGET.raw}`);
  assert.ok(elementGzip <= ELEMENT_BUDGET.gzip, `element gzip ${elementGzip} > ${ELEMENT_BUDGET.gzip}`);
  assert.ok(first <= FIRST_LOAD_BUDGET, `first load gzip ${first} > ${FIRST_LOAD_BUDGET}`);
});

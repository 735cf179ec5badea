// The size budget of the WebAssembly module (SPEC.md): ≤ 400 KB raw, ≤ 150 KB gzipped,
// as the page serves it (after wasm-opt). Sizes, not times: this is deterministic.
// The .docx reader is a second module, fetched only when a Word file is opened; it has a
// budget of its own so that it cannot grow unnoticed either.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { www, root } from "./harness.mjs";

const KB = 1000;
const BUDGET = { raw: 400 * KB, gzip: 150 * KB };

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

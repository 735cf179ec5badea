// The size budget of the WebAssembly module (SPEC.md): ≤ 400 KB raw, ≤ 150 KB gzipped,
// as the page serves it (after wasm-opt). Sizes, not times: this is deterministic.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { www, root } from "./harness.mjs";

const KB = 1000;
const BUDGET = { raw: 400 * KB, gzip: 150 * KB };

for (const file of [path.join(www, "pkg/plancheck_bg.wasm"), path.join(root, "pkg/plancheck_bg.wasm"), path.join(root, "pkg/bundler/plancheck_bg.wasm")]) {
  test(`${path.relative(root, file)} is within its size budget`, (t) => {
    const bytes = fs.readFileSync(file);
    const raw = bytes.length;
    const gzip = zlib.gzipSync(bytes, { level: 9 }).length;
    t.diagnostic(`raw ${raw} bytes (budget ${BUDGET.raw}), gzip ${gzip} bytes (budget ${BUDGET.gzip})`);
    assert.ok(raw <= BUDGET.raw, `raw ${raw} > ${BUDGET.raw}`);
    assert.ok(gzip <= BUDGET.gzip, `gzip ${gzip} > ${BUDGET.gzip}`);
  });
}

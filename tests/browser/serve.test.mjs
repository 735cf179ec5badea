// `make serve` sends the page's policy as headers too (so that it also covers the
// workers), `nosniff`, and `frame-ancestors`; the .wasm goes out as application/wasm.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import net from "node:net";
import { root } from "./harness.mjs";

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

test("make serve sends the security headers", async () => {
  const port = await freePort();
  const child = spawn("make", ["-s", "serve", `PORT=${port}`], { cwd: root, stdio: "ignore", detached: true });
  try {
    let res = null;
    for (let i = 0; i < 240 && !res; i += 1) {
      res = await fetch(`http://127.0.0.1:${port}/`).catch(() => null);
      if (!res) await new Promise((r) => setTimeout(r, 500));
    }
    assert.ok(res, "make serve did not start");
    const csp = res.headers.get("content-security-policy") || "";
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /worker-src 'self'/);
    assert.match(csp, /frame-ancestors 'self'/);
    assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    const worker = await fetch(`http://127.0.0.1:${port}/pkg/plancheck-docx-worker.js`);
    assert.match(worker.headers.get("content-security-policy") || "", /connect-src 'self'/);
    assert.match(worker.headers.get("content-type") || "", /javascript/);
    const wasm = await fetch(`http://127.0.0.1:${port}/pkg/plancheck_bg.wasm`);
    assert.equal(wasm.headers.get("content-type"), "application/wasm");
  } finally {
    try { process.kill(-child.pid, "SIGTERM"); } catch {}
  }
});

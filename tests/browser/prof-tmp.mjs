import fs from "node:fs";
import { serve, launch } from "./harness.mjs";
const text = fs.readFileSync("/work/shared/corpus/xiuning-2025.txt", "utf8");
const { server, origin } = await serve("/tmp/prof/www");
const { context, page } = await launch(origin);
await page.goto(origin + "/bench.html");
await page.waitForFunction(() => window.plancheckBench !== undefined);
const t = text + text.slice(text.length / 4) + text.slice(text.length / 2);
console.log("chars", t.length, "median", await page.evaluate((t) => window.plancheckBench(t, 51), t));
const cdp = await context.newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
await cdp.send("Profiler.start");
await page.evaluate((t) => window.plancheckBench(t, 401), t);
const { profile } = await cdp.send("Profiler.stop");
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const n = byId.get(profile.samples[i]);
  const key = `${n.callFrame.functionName || "(anon)"}`;
  const d = (profile.timeDeltas[i] || 0) / 1000;
  total += d;
  self.set(key, (self.get(key) || 0) + d);
}
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n);
const callers = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const n = byId.get(profile.samples[i]);
  if (!/next_code_point|TwoWaySearcher|StrSearcher|extend_with|Searcher::next_match/.test(n.callFrame.functionName)) continue;
  let p = parent.get(n.id);
  const chain = [];
  while (p && chain.length < 4) { chain.push(p.callFrame.functionName.replace(/::h[0-9a-f]{16}/, "").replace(/\[[0-9a-f]+\]/g, "").slice(0, 60)); p = parent.get(p.id); }
  const key = `${n.callFrame.functionName.replace(/::h[0-9a-f]{16}/, "").replace(/\[[0-9a-f]+\]/g, "").slice(0, 40)} <- ${chain.join(" <- ")}`;
  callers.set(key, (callers.get(key) || 0) + (profile.timeDeltas[i] || 0) / 1000);
}
console.log([...callers].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(100 * v / total).toFixed(1)}% ${k}`).join("\n"));
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${(100 * v / total).toFixed(1)}% ${k.slice(0, 120)}`).join("\n"));
await context.close(); server.close();

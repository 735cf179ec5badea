// The browser benchmark: times the wasm `check` (median of many runs) and the time from
// navigation to the checker being ready. Driven by tests/browser/bench.mjs (`make bench`).
import init, { check } from "./pkg/plancheck.js";

await init();
window.plancheckReadyAt = performance.now();

/**
 * Median milliseconds of a check of `text` over `runs` samples, after a warm-up. The
 * browser's clock ticks in 0.1 ms here, so a sample times a batch of checks lasting about
 * 5 ms and divides.
 */
window.plancheckBench = (text, runs = 51) => {
  let t = performance.now();
  check(text);
  check(text);
  const batch = Math.max(1, Math.ceil(5 / Math.max((performance.now() - t) / 2, 0.05)));
  const times = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    for (let k = 0; k < batch; k++) check(text);
    times.push((performance.now() - t) / batch);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
};

document.getElementById("out").textContent = `就绪：${window.plancheckReadyAt.toFixed(1)} ms`;

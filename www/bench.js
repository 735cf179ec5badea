// The browser benchmark: times the wasm `check` (median of many runs) and the time from
// navigation to the checker being ready. Driven by tests/browser/bench.mjs (`make bench`).
import init, { check } from "./pkg/plancheck.js";

await init();
window.plancheckReadyAt = performance.now();

/** Median milliseconds of `runs` checks of `text`, after one warm-up. */
window.plancheckBench = (text, runs = 51) => {
  check(text);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    check(text);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
};

document.getElementById("out").textContent = `就绪：${window.plancheckReadyAt.toFixed(1)} ms`;

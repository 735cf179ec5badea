// What a finding is and where it is, from the report: its rule's names, and the part and
// task of the plan it is in.

import { rules } from "./plancheck.js";


// Each rule's one-line summary (and its English line), by id: findings are named by what
// they are, not by id.
let kinds = null;
export function kindOf(id) {
  kinds ??= new Map(rules().map((r) => [r.id, r]));
  return kinds.get(id) || {};
}

// A report's titled parts and its tasks, each in the order they start, made once a report:
// a finding's place is then found by halving, not by a walk through every task.
const places = new WeakMap();
function placesOf(r) {
  let p = places.get(r);
  if (!p) {
    const byStart = (a, b) => a.span.start - b.span.start;
    p = { parts: r.document.parts.filter((x) => x.title).sort(byStart), tasks: [...r.tasks].sort(byStart) };
    places.set(r, p);
  }
  return p;
}

// The index of the last of `list` (in the order they start) that starts at or before `at`.
function lastStartingBy(list, at) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].span.start <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

// Whether a span holds a place (an empty span holds its own).
const holds = (s, at) => s.start <= at && at < Math.max(s.end, s.start + 1);

/**
 * Where a finding is, as a reader of the plan says it: its part and task, or its line
 * where it is in neither; with `partOnly`, its part's title alone.
 */
export function where(r, t, f, partOnly = false) {
  const at = f.span.start;
  const { parts, tasks } = placesOf(r);
  // Parts may hold parts: the innermost that holds the place.
  let part = null;
  for (let k = lastStartingBy(parts, at); k >= 0 && !part; k--) if (holds(parts[k].span, at)) part = parts[k];
  if (partOnly) return part?.title ?? "";
  const k = lastStartingBy(tasks, at);
  const task = k >= 0 && holds(tasks[k].span, at) ? tasks[k] : null;
  const path = [part?.title, task && t.task(task.number, task.title)].filter(Boolean);
  return path.length ? path.join(" › ") : t.line(f.span.line);
}

// <plan-checker>: the checker as a custom element, and a client for the checking worker.
//
//   <script type="module" src="node_modules/plancheck/plan-checker.js"></script>
//   <plan-checker><textarea name="body"></textarea></plan-checker>
//
// Plain JavaScript, Shadow DOM, no framework. See README.md for attributes, events and theming.
//
// The sources are in npm/src/, a file for each job; the build bundles them into this one
// module (esbuild), which imports the checker's module beside it.

export { load, WorkerChecker, WorkerFailure } from "./worker-client.js";
export { PlanCheckerElement, readPlanFile } from "./element.js";
export { check } from "./plancheck.js";
export { returnedDraft, feedbackForm } from "./handback-client.js";

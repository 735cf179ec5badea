// Checks plans off the main thread.
//
// Protocol (every message carries the id of the request it answers):
//   → {id, type: "init", template?: object | string}
//                                              the template, or its JSON text; omitted for
//                                              the national template
//   ← {id, type: "ready", template: TemplateInfo}
//   → {id, type: "check", text: string, options?: CheckOptions}
//   ← {id, type: "report", json: string}    the report as the checker wrote it, JSON text:
//                                              a string crosses to the page at once and is
//                                              read there only if wanted
//   ← {id, type: "error", message: string, fatal?: true}
//                                              for any request that failed; `fatal` when the
//                                              worker itself cannot work (its wasm did not load)
import init, { checkJson, PlanChecker, templates } from "./plancheck.js";

const loaded = init();
let checker = null;

function answer(id, body) {
  self.postMessage({ id, ...body });
}

self.onmessage = async (event) => {
  const { id, type } = event.data || {};
  try {
    await loaded;
  } catch (e) {
    answer(id, { type: "error", fatal: true, message: e && e.message ? e.message : String(e) });
    return;
  }
  try {
    if (type === "init") {
      checker?.free();
      checker = null;
      if (event.data.template) checker = new PlanChecker(event.data.template);
      answer(id, { type: "ready", template: checker ? checker.template : templates()[0] });
    } else if (type === "check") {
      const { text, options } = event.data;
      const json = checker ? checker.checkJson(text, options) : checkJson(text, options);
      answer(id, { type: "report", json });
    } else {
      answer(id, { type: "error", message: `plancheck: unknown request type ${JSON.stringify(type)}` });
    }
  } catch (e) {
    answer(id, { type: "error", message: e && e.message ? e.message : String(e) });
  }
};

// Checking a text with the element's template: in the page, or in a worker for a long
// text (and in the page again when a worker cannot start).

import { check, PlanChecker, reportMarkdown, templates } from "./plancheck.js";
import { load, messageOf, WorkerChecker, WorkerFailure } from "./worker-client.js";

export const NATIONAL = "national-2024";
const DEFAULT_WORKER_THRESHOLD = 20000;

/** Whether the element checks `text` in a worker: its `worker` and `worker-threshold`. */
export function offThread(element, text) {
  const mode = element.getAttribute("worker") || "auto";
  if (mode === "never" || typeof Worker === "undefined") return false;
  if (mode === "always") return true;
  return text.length >= Number(element.getAttribute("worker-threshold") || DEFAULT_WORKER_THRESHOLD);
}

export class Checking {
  // The template's checker (null for the national one), its JSON, its id, name and horizon.
  checker = null;
  json = null;
  template = null;
  #worker = null;
  workerFailed = false;
  #token = 0;

  /**
   * Loads a built-in template by id, or the JSON at a URL. Resolves to `null` when a later
   * load overtook this one; rejects with a message for the user (`module` set when the
   * checker's module itself failed to load).
   */
  async load(key, t) {
    const token = ++this.#token;
    let json = null;
    try {
      await load();
    } catch (e) {
      throw Object.assign(new Error(t.moduleFailed(messageOf(e))), { module: true });
    }
    if (!templates().some((info) => info.id === key)) {
      let response;
      try {
        response = await fetch(new URL(key, document.baseURI));
      } catch (e) {
        throw new Error(t.fetchFailed(key, messageOf(e)));
      }
      if (!response.ok) throw new Error(t.fetchFailed(key, `HTTP ${response.status}`));
      json = await response.text();
    }
    return token === this.#token ? { json } : null;
  }

  /** A template's JSON given by the page; `null` when a later load overtook it. */
  async given(json) {
    const token = ++this.#token;
    await load();
    return token === this.#token ? { json } : null;
  }

  /** Uses a template's JSON (`null`: the national one); throws when it is malformed. */
  use(json) {
    const next = json !== null ? new PlanChecker(json) : null;
    this.checker?.free();
    this.checker = next;
    this.json = json;
    this.template = next ? next.template : templates().find((info) => info.id === NATIONAL) || null;
    this.stop();
    return this.template;
  }

  /** A report on `text` from a worker; `busy()` is called as it goes there. */
  async run(text, options, busy) {
    this.#worker ??= new WorkerChecker({ template: this.json });
    busy();
    try {
      return await this.#worker.check(text, options, { latest: true });
    } catch (e) {
      // A worker that cannot start (offline before its script was fetched, a policy
      // forbidding workers) must not stop the checking: do it here instead.
      if (!(e instanceof WorkerFailure)) throw e;
      this.workerFailed = true;
      this.stop();
      return this.now(text, options);
    }
  }

  /** A report on `text`, here and now. */
  now(text, options) {
    return this.checker ? this.checker.check(text, options) : check(text, options);
  }

  /** The checker's Markdown report of `text` (in `lang`, with a reviewer's `decisions`), headed by `name`. */
  markdown(text, name, options, lang, decisions) {
    const m = this.checker ? (...a) => this.checker.reportMarkdown(...a) : reportMarkdown;
    return m(text, name, options, lang, decisions);
  }

  stop() {
    this.#worker?.terminate();
    this.#worker = null;
  }
}

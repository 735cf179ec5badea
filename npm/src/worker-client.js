// The checker's WebAssembly module, loaded once, and the client for the checking worker.

import init from "./plancheck.js";

let loaded = null;

/** Loads the WebAssembly module once; every element and `check` share it. */
export function load() {
  loaded ??= init().then(() => {
    performance.mark("plancheck:wasm-ready");
  });
  return loaded;
}

export function messageOf(e) {
  return e && e.message ? e.message : String(e);
}

/** The worker itself failed (as opposed to a check it ran). */
export class WorkerFailure extends Error {}

/**
 * Checks in a Web Worker. At most one check is in flight; a check asked for while another
 * runs waits, and one that is superseded before it starts resolves to `null`.
 */
export class WorkerChecker {
  #worker;
  #next = 1;
  #waiting = new Map();
  #queued = null;
  #busy = false;
  #stopped = false;
  #ready;

  constructor({ template = null, url = new URL("./plancheck-worker.js", import.meta.url) } = {}) {
    this.#worker = new Worker(url, { type: "module" });
    this.#worker.onmessage = (event) => {
      const reply = event.data || {};
      const waiter = this.#waiting.get(reply.id);
      if (!waiter) return;
      this.#waiting.delete(reply.id);
      if (reply.type === "error") {
        const message = reply.fatal ? `plancheck: the worker failed: ${reply.message}` : reply.message;
        waiter.reject(reply.fatal ? new WorkerFailure(message) : new Error(message));
      } else waiter.resolve(reply);
    };
    this.#worker.onerror = (event) => {
      event.preventDefault?.();
      const error = new WorkerFailure(`plancheck: the worker failed: ${event.message || "it could not be loaded"}`);
      for (const waiter of this.#waiting.values()) waiter.reject(error);
      this.#waiting.clear();
    };
    this.#ready = this.#request({ type: "init", template }).then((reply) => reply.template);
    this.#ready.catch(() => {});
  }

  /** The template's id, name and horizon, once the worker has loaded it. */
  ready() {
    return this.#ready;
  }

  /**
   * The report for `text`, or `null` when a later call superseded this one before it ran —
   * or, with `{latest: true}`, before its report came back (a large report is then not read).
   */
  check(text, options, { latest = false } = {}) {
    if (this.#stopped) return Promise.reject(new Error("plancheck: the worker was stopped"));
    if (typeof text !== "string") return Promise.reject(new TypeError("plancheck: the text to check must be a string"));
    this.#queued?.resolve(null);
    return new Promise((resolve, reject) => {
      this.#queued = { text, options, latest, resolve, reject };
      this.#pump();
    });
  }

  terminate() {
    this.#stopped = true;
    this.#worker.terminate();
    const error = new Error("plancheck: the worker was stopped");
    for (const waiter of this.#waiting.values()) waiter.reject(error);
    this.#waiting.clear();
    this.#queued?.resolve(null);
    this.#queued = null;
  }

  async #pump() {
    if (this.#busy || !this.#queued) return;
    const job = this.#queued;
    this.#queued = null;
    this.#busy = true;
    try {
      await this.#ready;
      const reply = await this.#request({ type: "check", text: job.text, options: job.options });
      job.resolve(job.latest && this.#queued ? null : JSON.parse(reply.json));
    } catch (e) {
      job.reject(e);
    } finally {
      this.#busy = false;
      this.#pump();
    }
  }

  #request(message) {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, ...message });
    });
  }
}

// Reads Word files off the main thread, so that a large or hostile .docx never freezes the
// page that opened it.
//
// Protocol: → {id, bytes: Uint8Array}
//           ← {id, doc: DocxText}
//           ← {id, error: {kind: string | null, message: string, fatal?: true}}
//                          `kind` as readDocx gives it; `fatal` when the reader did not load
import init, { readDocx } from "./plancheck_docx.js";

const loaded = init();

self.onmessage = async (event) => {
  const { id, bytes } = event.data || {};
  try {
    await loaded;
  } catch (e) {
    self.postMessage({ id, error: { kind: null, message: String(e && e.message ? e.message : e), fatal: true } });
    return;
  }
  try {
    self.postMessage({ id, doc: readDocx(bytes) });
  } catch (e) {
    self.postMessage({ id, error: { kind: (e && e.kind) || null, message: e && e.message ? e.message : String(e) } });
  }
};

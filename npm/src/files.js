// A plan's file read as text: .txt in any encoding a drafter's machine writes, or .docx.

import { readDocxOffThread } from "./docx-client.js";
import { decodeText } from "./encoding.js";
import { DOCX_TYPE, MAX_DOCX_BYTES, MAX_INPUT_BYTES } from "./limits.js";
import { STRINGS } from "./strings.js";
import { messageOf } from "./worker-client.js";

/**
 * The text of a plan's file — `.txt` in UTF-8, GB18030 or UTF-16 with a BOM, or `.docx` —
 * and where it came from: `{text, source}`, `source` as the element's `source` says it.
 * Rejects with a message for the user (in `lang`) when the file cannot be read as a plan.
 */
export async function readPlanFile(file, lang = "zh-CN") {
  const t = (lang || "zh-CN").toLowerCase().startsWith("en") ? STRINGS.en : STRINGS["zh-CN"];
  const name = file.name;
  const word = /\.docx$/i.test(name) || file.type === DOCX_TYPE;
  if (/\.wps$/i.test(name)) throw new Error(t.legacyWps(name));
  if (/\.doc$/i.test(name)) throw new Error(t.docx["legacy-doc"](name));
  if (!word && !/\.txt$/i.test(name) && file.type !== "text/plain") throw new Error(t.unsupported(name));
  const limit = word ? MAX_DOCX_BYTES : MAX_INPUT_BYTES;
  if (file.size > limit) throw new Error((word ? t.docxTooLarge : t.tooLarge)(name, (file.size / 1048576).toFixed(1)));
  const bytes = new Uint8Array(await file.arrayBuffer());
  // By content: a Word file saved under another name is read all the same.
  if (word || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4)) {
    let doc;
    try {
      doc = await readDocxOffThread(bytes);
    } catch (e) {
      const kind = e && e.kind;
      throw new Error(kind && t.docx[kind] ? t.docx[kind](name) : t.docx.failed(name, messageOf(e)));
    }
    if (new TextEncoder().encode(doc.text).length > MAX_INPUT_BYTES) {
      throw new Error(t.tooLarge(name, (doc.text.length / 1048576).toFixed(1)));
    }
    if (!doc.text.trim()) throw Object.assign(new Error(t.emptyFile(name)), { empty: true });
    const { text, ...about } = doc;
    // The file's bytes, for handing the draft back as it came (not enumerable: the source
    // stays plain data).
    const source = { name, kind: "docx", ...about };
    Object.defineProperty(source, "bytes", { value: bytes, enumerable: false });
    return { text, source };
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new Error(t.docx["legacy-doc"](name));
  }
  const decoded = decodeText(bytes);
  if (!decoded || decoded.text.includes("\u0000")) throw new Error(t.notText(name));
  // An empty file replaces nothing: the draft (and its saved copy) stays as it is.
  if (!decoded.text.trim()) throw Object.assign(new Error(t.emptyFile(name)), { empty: true });
  return { text: decoded.text, source: { name, kind: "text", encoding: decoded.encoding } };
}

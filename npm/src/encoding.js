// Text files as Windows tools save them: UTF-8 (with or without a BOM), UTF-16 with a BOM
// (Notepad's "Unicode"), UTF-32 with a BOM, or GB18030 / GBK (Notepad's "ANSI" on a
// Chinese system, WPS). The command line reads the same, the same way.

/**
 * The text of a file's bytes and the encoding it was read in (`UTF-8`, `UTF-16LE`,
 * `UTF-16BE`, `UTF-32LE`, `UTF-32BE`, `GB18030`), or `null` when it is none of them.
 */
export function decodeText(bytes) {
  const read = (label) => {
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  };
  // UTF-32's byte order marks first: little-endian's begins as UTF-16LE's does.
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) return wrap(utf32(bytes, true), "UTF-32LE");
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return wrap(utf32(bytes, false), "UTF-32BE");
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return wrap(read("utf-16le"), "UTF-16LE");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return wrap(read("utf-16be"), "UTF-16BE");
  const utf8 = read("utf-8");
  if (utf8 !== null) return { text: utf8, encoding: "UTF-8" };
  return wrap(read("gb18030"), "GB18030");
}

/** UTF-32 after its byte order mark (no browser decodes it), or `null` when not valid. */
function utf32(bytes, little) {
  if (bytes.length % 4 !== 0) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts = [];
  for (let i = 4; i < bytes.length; i += 4) {
    const c = view.getUint32(i, little);
    if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) return null;
    parts.push(String.fromCodePoint(c));
  }
  return parts.join("");
}

function wrap(text, encoding) {
  return text === null ? null : { text, encoding };
}

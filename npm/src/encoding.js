// Text files as Windows tools save them: UTF-8 (with or without a BOM), UTF-16 with a BOM
// (Notepad's "Unicode"), or GB18030 / GBK (Notepad's "ANSI" on a Chinese system, WPS).

/**
 * The text of a file's bytes and the encoding it was read in (`UTF-8`, `UTF-16LE`,
 * `UTF-16BE`, `GB18030`), or `null` when it is none of them.
 */
export function decodeText(bytes) {
  const read = (label) => {
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return wrap(read("utf-16le"), "UTF-16LE");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return wrap(read("utf-16be"), "UTF-16BE");
  const utf8 = read("utf-8");
  if (utf8 !== null) return { text: utf8, encoding: "UTF-8" };
  return wrap(read("gb18030"), "GB18030");
}

function wrap(text, encoding) {
  return text === null ? null : { text, encoding };
}

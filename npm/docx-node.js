// The .docx reader's Node.js entry: the browser entry's API, with the WebAssembly read from
// the package and instantiated on import.
import { readFileSync } from "node:fs";
import { initSync } from "./plancheck_docx.js";

initSync({ module: readFileSync(new URL("./plancheck_docx_bg.wasm", import.meta.url)) });

export * from "./plancheck_docx.js";
export { default } from "./plancheck_docx.js";

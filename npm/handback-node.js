// The hand-back's Node.js entry: the browser entry's API, with the WebAssembly read from
// the package and instantiated on import.
import { readFileSync } from "node:fs";
import { initSync } from "./plancheck_handback.js";

initSync({ module: readFileSync(new URL("./plancheck_handback_bg.wasm", import.meta.url)) });

export * from "./plancheck_handback.js";
export { default } from "./plancheck_handback.js";

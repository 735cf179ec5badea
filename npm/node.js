// The Node.js entry: the browser entry's API, with the WebAssembly read from the package
// and instantiated on import.
import { readFileSync } from "node:fs";
import { initSync } from "./plancheck.js";

initSync({ module: readFileSync(new URL("./plancheck_bg.wasm", import.meta.url)) });

export * from "./plancheck.js";
export { default } from "./plancheck.js";

// Bundles the element (npm/src/plan-checker.js) with the editor into one module:
// `node npm/bundle/build.mjs OUTFILE`. The checker's modules stay separate files.
import * as esbuild from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error("usage: node npm/bundle/build.mjs OUTFILE");
  process.exit(2);
}

// @lezer/common does not say it has no side effects; the editor's history imports it only
// for parts the element does not use, so it may be left out.
const pure = {
  name: "pure",
  setup(build) {
    build.onResolve({ filter: /^@lezer\/common$/ }, () => ({
      path: path.join(here, "node_modules/@lezer/common/dist/index.js"),
      sideEffects: false,
    }));
  },
};

const result = await esbuild.build({
  entryPoints: [path.join(here, "../src/plan-checker.js")],
  outfile: out,
  bundle: true,
  format: "esm",
  minify: !process.env.PLANCHECK_UNMINIFIED,
  nodePaths: [path.join(here, "node_modules")],
  external: ["./plancheck.js", "./plancheck_docx.js", "./plancheck_handback.js"],
  banner: {
    js: "/* plancheck's <plan-checker>. Bundles CodeMirror 6 (@codemirror/*, style-mod, crelt, w3c-keyname, @marijn/find-cluster-break; MIT, Marijn Haverbeke and others). */",
  },
  plugins: [pure],
  logLevel: "warning",
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs)[0].bytes;
console.log(`element: ${bytes} bytes`);

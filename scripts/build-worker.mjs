/**
 * Builds the worker bundle (dist/worker/index.js) with esbuild. Wrangler runs this as its build
 * command (wrangler.jsonc), for `wrangler dev`, `wrangler deploy` and the workerd tests alike.
 *
 * Why not let wrangler bundle: zod 4 re-exports all ~50 locales as a namespace
 * (`export * as locales`), which esbuild cannot tree-shake (colinhacks/zod#6050). The plugin below
 * resolves zod's locale index to the two locales it names (de for messages, en as zod's default, which
 * the third plugin makes German too),
 * which takes the bundle from ~130 KB to under 100 KB gzip (the build prints the size). The second
 * leaves out zod's JSON-Schema reader (z.fromJSONSchema), which the worker never calls.
 * Plain JavaScript, so it runs on whatever Node starts it.
 */
import { build } from "esbuild";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ziel = resolve(repo, "dist/worker/index.js");

/**
 * An esbuild plugin that gives one file of zod (its path below zod/v4/, e.g. "locales/en.js") other
 * contents; imports in them resolve beside the file they replace.
 */
function ersetzeZod(name, datei, inhalt) {
  const pfad = datei
    .split("/")
    .map((teil) => teil.replaceAll(".", "\\."))
    .join("[\\\\/]");
  return {
    name,
    setup(b) {
      b.onLoad({ filter: new RegExp(`[\\\\/]zod[\\\\/]v4[\\\\/]${pfad}$`) }, (args) => ({
        contents: inhalt,
        resolveDir: dirname(args.path),
      }));
    },
  };
}

const nurDeutschUndEnglisch = ersetzeZod(
  "zod-locales-de-en",
  "locales/index.js",
  'export { default as de } from "./de.js";\nexport { default as en } from "./en.js";\n',
);

// The worker writes JSON Schema (OpenAPI) but never reads it: zod's JSON-Schema-to-zod converter
// (z.fromJSONSchema, ~12 KB minified) stays in only because the z namespace is kept whole.
const ohneFromJsonSchema = ersetzeZod(
  "zod-ohne-from-json-schema",
  "classic/from-json-schema.js",
  'export function fromJSONSchema() {\n  throw new Error("z.fromJSONSchema ist im Worker nicht enthalten (scripts/build-worker.mjs).");\n}\n',
);

// zod 4.6's ahead-of-time parser compiler (z.compile, ~29 KB minified) builds parsers with
// `new Function`, which workerd refuses; the worker never calls it, and the runtime parser does not
// import it (core/parse.js knows its markers by Symbol.for). Kept: the names, with z.compile doing what
// it does for a schema it cannot compile — return it unchanged.
const ohneCompile = ersetzeZod(
  "zod-ohne-compile",
  "core/compile.js",
  [
    'export const INVALID = Symbol.for("zod.compile.invalid");',
    "export class ZodCompileAsyncError extends Error {}",
    "export class ZodCompileUnsupportedError extends Error {}",
    "export function compile(schema) {\n  return schema;\n}",
    "export function withParser() {",
    '  throw new Error("z.withParser ist im Worker nicht enthalten (scripts/build-worker.mjs).");',
    "}",
    "export function compileFn() {",
    '  throw new Error("z.compileFn ist im Worker nicht enthalten (scripts/build-worker.mjs).");',
    "}",
    "",
  ].join("\n"),
);

// zod registers English as its default locale when the first schema is built (classic/schemas.js), and
// worker/app.ts sets German right after the imports: no message is ever made in English in between
// (~1,5 KB gzip). English is therefore German here; the worker's tests read its German messages.
const englischIstDeutsch = ersetzeZod(
  "zod-en-ist-de",
  "locales/en.js",
  'export { default } from "./de.js";\n',
);

mkdirSync(dirname(ziel), { recursive: true });
// wrangler.jsonc serves the built task pane (dist/addin) as static assets and refuses to start when the
// folder is missing; before the first `npm run build` it is empty and only the API answers.
mkdirSync(resolve(repo, "dist/addin"), { recursive: true });
await build({
  entryPoints: [resolve(repo, "worker/index.ts")],
  outfile: ziel,
  bundle: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  mainFields: ["module", "main"],
  conditions: ["workerd", "worker", "browser"],
  minify: true,
  sourcemap: "external",
  legalComments: "none",
  plugins: [nurDeutschUndEnglisch, ohneFromJsonSchema, ohneCompile, englischIstDeutsch],
  logLevel: "warning",
});

const code = readFileSync(ziel);
const kib = (n) => (n / 1024).toFixed(1);
console.log(
  `worker bundle: ${kib(code.length)} KiB, gzip ${kib(gzipSync(code, { level: 9 }).length)} KiB (target ≤ 100 KiB gzip) → dist/worker/index.js`,
);

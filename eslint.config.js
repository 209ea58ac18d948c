import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import regexp from "eslint-plugin-regexp";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", ".wrangler/", ".tmp/", "test-artifacts/", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // noUncheckedIndexedAccess is on: `xs[i]!` after a bounds-checked index is the intended idiom.
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    // Office.js's batch rules (Microsoft's eslint-plugin-office-addins) where the add-in meets Excel.
    files: ["addin/src/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    // Plain Node scripts (build, start).
    files: ["scripts/**/*.mjs", "bin/**/*.mjs", "*.js"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Short functions with names that explain them (issue 20): product code, not tests or the fake.
    files: ["shared/**/*.ts", "worker/**/*.ts", "addin/src/**/*.{ts,tsx}", "cli/**/*.ts"],
    ignores: ["addin/src/fake/**"],
    rules: {
      "max-lines-per-function": ["error", { max: 80 }],
    },
  },
  {
    // The shared core stays pure (docs/architektur.md): no Node, no DOM, no Office, no React, no Hono,
    // no exceljs. Its tsconfig has neither DOM nor Node types; this says it again where an `any` or a
    // type-only import would slip through, and test/projekt/hausregeln.test.ts proves each entry.
    files: ["shared/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(node:|(fs|path|os|crypto|child_process|url|util|buffer|stream)(/|$))",
              message: "shared/ bleibt rein: keine Node-Module.",
            },
            {
              regex: "^(@fluentui/|(react|react-dom|hono|exceljs)(/|$))",
              message:
                "shared/ bleibt rein: React, Fluent UI, Hono und exceljs gehören nach addin/, worker/, cli/.",
            },
            {
              regex: "(^|/)(addin|worker|cli)/",
              message: "shared/ importiert nichts aus addin/, worker/ oder cli/.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...[
          "window",
          "document",
          "navigator",
          "localStorage",
          "sessionStorage",
          "HTMLElement",
          "Excel",
          "Office",
        ].map((name) => ({ name, message: "shared/ bleibt rein: kein DOM und kein Office.js." })),
        ...["process", "Buffer", "require", "__dirname"].map((name) => ({
          name,
          message: "shared/ bleibt rein: kein Node.",
        })),
      ],
    },
  },
  {
    // The worker imports the core, never the add-in or the command-line tool.
    files: ["worker/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "(^|/)addin/", message: "worker/ importiert nichts aus addin/." },
            { regex: "(^|/)cli/", message: "worker/ importiert nichts aus cli/." },
          ],
        },
      ],
    },
  },
  {
    // lsz imports the core, never the add-in.
    files: ["cli/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "(^|/)addin/", message: "cli/ importiert nichts aus addin/." }] },
      ],
    },
  },
  {
    // Linear parsers (issue 29): no regular expression in product code may backtrack or move
    // super-linearly on user text (cell texts, names, formulas reach these).
    files: ["shared/**/*.ts", "worker/**/*.ts", "addin/src/**/*.{ts,tsx}", "cli/**/*.ts"],
    plugins: { regexp },
    rules: {
      "regexp/no-super-linear-backtracking": "error",
      "regexp/no-super-linear-move": "error",
    },
  },
);

import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
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
    // The shared core stays pure: no Node, DOM, Office or Hono.
    files: ["shared/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["node:*", "fs", "path", "react", "react-dom", "hono", "hono/*", "@fluentui/*"] },
      ],
      "no-restricted-globals": ["error", "window", "document", "Excel", "Office", "process"],
    },
  },
);

import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layer rules of DESIGN.md §2, enforced: a wrong-way import fails lint.
const restrict = (files, patterns, message) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns: [{ group: patterns, message }] }] },
});

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  restrict(["components/**"], ["@/db/*", "@/db", "**/db/*"], "Components never import db/; go through lib/services."),
  restrict(["db/**"], ["@/app/*", "@/components/*", "@/graphs/*", "@/lib/*", "!@/lib/env"], "db/ depends on lib/env only."),
  restrict(["graphs/**"], ["@/app/*", "@/lib/services/*", "@/lib/runtime/*"], "Graphs never import app, services or the runtime."),
  {
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read configuration through lib/env.ts only.",
        },
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: "Use database.batch([...]) for multi-statement writes: an interactive transaction on the local libSQL driver can deadlock the process (see db/client.ts).",
        },
      ],
    },
  },
  { files: ["lib/env.ts", "db/testing.ts", "*.config.ts", "*.config.mjs", "scripts/**", "e2e/**", "**/*.test.ts"], rules: { "no-restricted-syntax": "off" } },
]);

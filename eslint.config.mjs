import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import path from "node:path";

// The layer rules of DESIGN.md §2, enforced: a wrong-way import fails lint.
const restrict = (files, patterns, message) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns: [{ group: patterns, message }] }] },
});

const ROOT = import.meta.dirname;

/** `graphs/<folder>/…` → its folder; anything else (graphs/registry.ts, lib/…) → null. */
function graphFolderOf(file) {
  const parts = path.relative(ROOT, file).split(path.sep);
  return parts[0] === "graphs" && parts.length > 2 ? parts[1] : null;
}

/** Where an import lands, when that is inside a graph folder: its folder and the module path within it. */
function graphTargetOf(source, file) {
  const absolute = source.startsWith("@/") ? path.join(ROOT, source.slice(2)) : source.startsWith(".") ? path.resolve(path.dirname(file), source) : null;
  if (!absolute) return null;
  const parts = path.relative(ROOT, absolute).split(path.sep);
  return parts[0] === "graphs" && parts.length > 2 ? { folder: parts[1], module: parts.slice(2).join("/").replace(/\.[cm]?[jt]sx?$/, "") } : null;
}

// DESIGN.md §2: a graph uses another graph only as a subgraph (its graph.ts) or for its types;
// its rules, nodes, prompts, templates, config and state are its own, and shared policy lives in lib/.
const noGraphInternals = {
  meta: {
    type: "problem",
    docs: { description: "A graph imports another graph only as a subgraph (graph.ts) or with `import type`." },
    messages: {
      internals: "graphs/{{from}} may use graphs/{{to}} only as a subgraph (\"graphs/{{to}}/graph\") or through `import type`, not its {{module}}. Move shared policy to lib/.",
    },
    schema: [],
  },
  create(context) {
    const from = graphFolderOf(context.filename);
    if (!from) return {};
    const typeOnly = (node) =>
      node.importKind === "type" || node.exportKind === "type" || (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === "type" || s.exportKind === "type"));
    const check = (node, source, erased) => {
      if (erased || typeof source !== "string") return;
      const target = graphTargetOf(source, context.filename);
      if (!target || target.folder === from || target.folder === "shared" || target.module === "graph") return;
      context.report({ node, messageId: "internals", data: { from, to: target.folder, module: target.module } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value, typeOnly(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, typeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === "type"),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value, false),
    };
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  restrict(["components/**"], ["@/db/*", "@/db", "**/db/*"], "Components never import db/; go through lib/services."),
  restrict(["db/**"], ["@/app/*", "@/components/*", "@/graphs/*", "@/lib/*", "!@/lib/env"], "db/ depends on lib/env only."),
  restrict(["graphs/**"], ["@/app/*", "@/lib/services/*", "@/lib/runtime/*"], "Graphs never import app, services or the runtime."),
  { files: ["graphs/**"], plugins: { fleet: { rules: { "no-graph-internals": noGraphInternals } } }, rules: { "fleet/no-graph-internals": "error" } },
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

import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // Services are marked server-only (they throw if bundled for a browser); tests run them on the server.
      "server-only": fileURLToPath(new URL("node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", "data/**"],
    // The LangGraph checkpoint validation suite registers its tests through globals.
    globals: true,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One fork per core: integration tests each own a SQLite file, so files never share state.
    pool: "forks",
  },
});

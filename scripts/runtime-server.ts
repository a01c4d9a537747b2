// The embedded runtime as a stand-alone process, for `npm run bench:runtime`: it serves the test
// graphs on loopback from a fresh temp SQLite file, so the benchmark measures this process's own
// RSS and its client does not share an event loop with the server.
//
// Run: node --expose-gc --import tsx scripts/runtime-server.ts
// Line protocol (JSON lines on stdout):
//   once listening      → {"url": "http://127.0.0.1:…", "token": "…"}
//   stdin line "memory" → {"rss": bytes, "heapUsed": bytes}, after a full GC when --expose-gc is on,
//                         so the figure is memory retained, not garbage not yet collected
//   stdin closes        → the server stops, the temp database is removed, the process exits
// (so it never outlives the benchmark that started it).
import { createInterface } from "node:readline";
import { tempDatabase } from "@/db/testing";
import { startTestRuntime, TEST_TOKEN } from "@/lib/runtime/testing";

const db = await tempDatabase("bench");
const runtime = await startTestRuntime(db.database);
console.log(JSON.stringify({ url: runtime.url, token: TEST_TOKEN }));

const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  if (line.trim() !== "memory") return;
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  console.log(JSON.stringify({ rss, heapUsed }));
});
lines.on("close", () => {
  void runtime.close().then(() => {
    db.cleanup();
    process.exit(0);
  });
});

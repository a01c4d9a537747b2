// `npm run chaos:runtime [-- --cycles 5 --runs 20]`: the runtime killed with SIGKILL mid-flight,
// over and over, then the database checked for what a crash must never leave behind (see
// lib/runtime/chaos.ts). Prints a summary; exits 1 on any violated invariant.
import { parseArgs } from "node:util";
import { describeReport, runChaos } from "@/lib/runtime/chaos";

const { values } = parseArgs({ options: { cycles: { type: "string", default: "5" }, runs: { type: "string", default: "20" } } });
const cycles = Number(values.cycles);
const runsPerCycle = Number(values.runs);
if (!Number.isInteger(cycles) || cycles < 1 || !Number.isInteger(runsPerCycle) || runsPerCycle < 1) {
  console.error("--cycles and --runs must be whole numbers of at least 1");
  process.exit(2);
}
const started = performance.now();
const report = await runChaos({ cycles, runsPerCycle, log: (line) => console.log(line) });
for (const line of describeReport(report)) console.log(line);
console.log(`chaos took ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(report.ok ? 0 : 1);

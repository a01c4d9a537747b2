// `npm run langgraph:json`: writes langgraph.json from the graph registry.
import { writeFileSync } from "node:fs";
import { langgraphJson } from "@/graphs/langgraph-json";
import { FLEET } from "@/graphs/registry";

writeFileSync("langgraph.json", langgraphJson(FLEET));
console.log(`langgraph.json: ${FLEET.ids.length} graph(s)`);

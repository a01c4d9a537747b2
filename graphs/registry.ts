import { defineRegistry } from "./spec";

/**
 * The fleet: every graph the console runs, in one frozen list. Graph modules are imported lazily
 * by the runtime on their first run; this file imports none of them. `npm run langgraph:json`
 * writes langgraph.json from this list.
 */
export const FLEET = defineRegistry([]);

export type Fleet = typeof FLEET;

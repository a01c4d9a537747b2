import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { z } from "zod";

type Fields = Record<string, z.ZodType>;

/**
 * A graph's configuration resolved in one function, like the LangGraph.js templates'
 * `ensureConfiguration`: every field has its default and bounds in the graph's `config.ts`; a
 * run's `config.configurable` may set a field within its bounds, and a value outside them is
 * ignored for the default (a caller can tighten a limit, never break the graph).
 */
export function configResolver<F extends Fields>(fields: F) {
  type Resolved = { readonly [K in keyof F]: z.output<F[K]> };
  return function resolveConfig(config?: Pick<LangGraphRunnableConfig, "configurable">): Resolved {
    const configurable = config?.configurable ?? {};
    const resolved: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(fields)) {
      const given = Object.hasOwn(configurable, key) ? field.safeParse(configurable[key]) : null;
      resolved[key] = given?.success ? given.data : field.parse(undefined);
    }
    return Object.freeze(resolved) as Resolved;
  };
}

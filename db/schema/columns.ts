import { sql } from "drizzle-orm";
import { integer } from "drizzle-orm/sqlite-core";

/** A millisecond timestamp column that maps to `Date`. */
export const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/** A timestamp column that defaults to the insert time. */
export const createdAt = (name = "created_at") =>
  timestamp(name)
    .notNull()
    .default(sql`(cast(unixepoch('subsecond') * 1000 as integer))`);

/** A 0/1 flag column that maps to `boolean`. */
export const flag = (name: string) => integer(name, { mode: "boolean" }).notNull().default(false);

import { desc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { memories, type MemorySource } from "../schema";

export async function recentMemories(database: Database, contactId: number, limit = 20) {
  return database
    .select({ id: memories.id, source: memories.source, content: memories.content, createdAt: memories.createdAt })
    .from(memories)
    .where(eq(memories.contactId, contactId))
    .orderBy(desc(memories.createdAt), desc(memories.id))
    .limit(limit);
}

export async function insertMemory(database: Database, memory: { contactId: number; source: MemorySource; content: string; threadId?: string | null }) {
  await database.insert(memories).values(memory);
}

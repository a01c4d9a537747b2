import { rmSync } from "node:fs";
import { Annotation, Command, END, START, StateGraph, interrupt } from "@langchain/langgraph";
import { emptyCheckpoint, uuid6, type BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import {
  deltaChannelHistoryTests,
  validate,
  type CheckpointSaverTestInitializer,
} from "@langchain/langgraph-checkpoint-validation";
import { describe, expect, it, vi } from "vitest";
import { openDatabase } from "@/db/client";
import { tempDatabase } from "@/db/testing";
import { LibsqlSaver } from "./checkpointer";

const cleanups = new WeakMap<LibsqlSaver, () => void>();

const initializer: CheckpointSaverTestInitializer<LibsqlSaver> = {
  checkpointerName: "LibsqlSaver",
  async createCheckpointer() {
    const { database, cleanup } = await tempDatabase("checkpointer");
    const saver = new LibsqlSaver(database);
    cleanups.set(saver, cleanup);
    return saver;
  },
  destroyCheckpointer(saver) {
    cleanups.get(saver)?.();
  },
};

validate(initializer);
// Opt-in in the package (not part of validate); it checks the base class's ancestor walk over our storage.
deltaChannelHistoryTests(initializer);

const ReviewState = Annotation.Root({
  name: Annotation<string>,
  draft: Annotation<string>,
  decision: Annotation<string>,
  log: Annotation<string[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
});

function reviewGraph(checkpointer: BaseCheckpointSaver) {
  return new StateGraph(ReviewState)
    .addNode("write", (s) => ({ draft: `Hello ${s.name}`, log: ["write"] }))
    .addNode("review", (s) => ({ decision: interrupt<string, string>(s.draft), log: ["review"] }))
    .addEdge(START, "write")
    .addEdge("write", "review")
    .addEdge("review", END)
    .compile({ checkpointer });
}

const CounterState = Annotation.Root({ count: Annotation<number> });

function counterGraph(checkpointer: BaseCheckpointSaver) {
  return new StateGraph(CounterState)
    .addNode("bump", (s) => ({ count: s.count + 1 }))
    .addEdge(START, "bump")
    .addEdge("bump", END)
    .compile({ checkpointer });
}

describe("LibsqlSaver on a real graph", () => {
  it("a graph interrupted in one process resumes in a fresh saver on the same file", async () => {
    const t = await tempDatabase("checkpointer-resume");
    const config = { configurable: { thread_id: "thread-resume" } };
    try {
      const before = reviewGraph(new LibsqlSaver(t.database));
      await before.invoke({ name: "Ada" }, config);
      expect((await before.getState(config)).tasks[0]?.interrupts[0]?.value).toBe("Hello Ada");
      t.database.$client.close();

      const reopened = await openDatabase(t.url);
      try {
        const graph = reviewGraph(new LibsqlSaver(reopened));
        expect((await graph.getState(config)).next).toEqual(["review"]);
        const final = await graph.invoke(new Command({ resume: "approved" }), config);
        expect(final).toEqual({ name: "Ada", draft: "Hello Ada", decision: "approved", log: ["write", "review"] });
        expect((await graph.getState(config)).next).toEqual([]);
      } finally {
        reopened.$client.close();
      }
    } finally {
      rmSync(t.dir, { recursive: true, force: true });
    }
  });

  it("a run forked from an older checkpoint keeps its values apart from the original branch", async () => {
    const t = await tempDatabase("checkpointer-fork");
    try {
      const graph = counterGraph(new LibsqlSaver(t.database));
      const config = { configurable: { thread_id: "thread-fork" } };
      expect(await graph.invoke({ count: 1 }, config)).toEqual({ count: 2 });
      const original = await graph.getState(config);

      // The checkpoint about to run "bump" for the first time, holding count 1.
      const history = [];
      for await (const snapshot of graph.getStateHistory(config)) history.push(snapshot);
      const beforeBump = history.find((s) => s.next.includes("bump") && s.values.count === 1);
      expect(beforeBump).toBeDefined();

      const forkConfig = await graph.updateState(beforeBump!.config, { count: 10 });
      expect(await graph.invoke(null, forkConfig)).toEqual({ count: 11 });
      // With integer versions both branches would mint the same version for `count` and share a blob.
      expect((await graph.getState(original.config)).values).toEqual({ count: 2 });
    } finally {
      t.cleanup();
    }
  });

  it("listing a thread pages newest first past one page and filters on metadata", async () => {
    const t = await tempDatabase("checkpointer-list");
    try {
      const saver = new LibsqlSaver(t.database);
      let config = { configurable: { thread_id: "thread-list", checkpoint_ns: "" } };
      const ids: string[] = [];
      for (let step = 0; step < 230; step += 1) {
        const checkpoint = { ...emptyCheckpoint(), id: uuid6(-1) };
        ids.push(checkpoint.id);
        config = (await saver.put(config, checkpoint, { source: step % 3 ? "loop" : "input", step, parents: {} }, {})) as typeof config;
      }
      // A checkpoint of another thread sharing an id, straddling the first page boundary, must be listed once.
      await saver.put({ configurable: { thread_id: "thread-copy" } }, { ...emptyCheckpoint(), id: ids[130]! }, { source: "fork", step: 0, parents: {} }, {});

      const listed = async (cfg: object, options = {}) => {
        const out: string[] = [];
        for await (const tuple of saver.list(cfg, options)) out.push(`${tuple.config.configurable?.thread_id}/${tuple.checkpoint.id}`);
        return out;
      };
      const newestFirst = [...ids].reverse().map((id) => `thread-list/${id}`);
      expect(await listed({ configurable: { thread_id: "thread-list" } })).toEqual(newestFirst);
      expect(await listed({ configurable: { thread_id: "thread-list" } }, { limit: 150 })).toEqual(newestFirst.slice(0, 150));
      expect(await listed({ configurable: { thread_id: "thread-list" } }, { filter: { source: "input" } })).toEqual(
        newestFirst.filter((_, i) => (229 - i) % 3 === 0),
      );
      expect(await listed({ configurable: { thread_id: "thread-list" } }, { filter: { step: 7, source: "loop" } })).toEqual([
        `thread-list/${ids[7]}`,
      ]);
      const everything = await listed({});
      expect(everything).toHaveLength(231);
      expect(new Set(everything).size).toBe(231);
    } finally {
      t.cleanup();
    }
  });

  it("reading a checkpoint costs three queries however many channels and writes it has", async () => {
    const t = await tempDatabase("checkpointer-queries");
    try {
      const saver = new LibsqlSaver(t.database);
      const values = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`channel_${i}`, { i }]));
      const versions = Object.fromEntries(Object.keys(values).map((k) => [k, 1]));
      const checkpoint = { ...emptyCheckpoint(), channel_values: values, channel_versions: versions };
      const config = await saver.put({ configurable: { thread_id: "thread-queries" } }, checkpoint, { source: "loop", step: 0, parents: {} }, versions);
      await saver.putWrites(config, [["channel_0", 1], ["channel_1", 2]], "task-a", "~a");

      const execute = vi.spyOn(t.database.$client, "execute");
      const batch = vi.spyOn(t.database.$client, "batch");
      const tuple = await saver.getTuple({ configurable: { thread_id: "thread-queries" } });
      expect(tuple?.checkpoint.channel_values).toEqual(values);
      expect(tuple?.pendingWrites).toEqual([["task-a", "channel_0", 1], ["task-a", "channel_1", 2]]);
      expect(execute).toHaveBeenCalledTimes(3);
      expect(batch).not.toHaveBeenCalled();
    } finally {
      vi.restoreAllMocks();
      t.cleanup();
    }
  });
});

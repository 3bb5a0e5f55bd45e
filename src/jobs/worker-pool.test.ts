import { describe, expect, it } from "vitest";
import { workerPool } from "./worker-pool.js";

describe("workerPool", () => {
  it("runs a TypeScript worker on threads and returns its results", async () => {
    const pool = workerPool<{ n: number }, number>(new URL("./worker-pool.fixture.ts", import.meta.url), 2);
    try {
      const results = await Promise.all([1, 2, 3, 4].map((n) => pool.run({ n })));
      expect(results).toEqual([2, 4, 6, 8]);
    } finally {
      await pool.destroy();
    }
  });

  it("aborts a task that runs too long", async () => {
    const pool = workerPool<{ n: number }, number>(new URL("./worker-pool.fixture.ts", import.meta.url), 1);
    try {
      await expect(pool.run({ n: -1 }, AbortSignal.timeout(300))).rejects.toThrow();
      // The pool recovers: the next task runs on a fresh thread.
      expect(await pool.run({ n: 5 })).toBe(10);
    } finally {
      await pool.destroy();
    }
  });
});

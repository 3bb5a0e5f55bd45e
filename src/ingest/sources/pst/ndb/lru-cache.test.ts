import { describe, expect, it } from "vitest";
import { LruCache } from "./lru-cache.js";

describe("LruCache", () => {
  it("keeps recently used entries and evicts old ones once the budget is used", () => {
    const c = new LruCache<number, string>(16); // two generations of 8
    c.set(1, "a", 4);
    c.set(2, "b", 4);
    c.set(3, "c", 4); // young is full: {1,2} become the old generation
    expect(c.get(1)).toBe("a"); // promoted back to young with 3: {3,1}
    c.set(4, "d", 4); // young full again: old = {3,1}, 2 is dropped
    expect(c.get(2)).toBeUndefined();
    expect(c.get(1)).toBe("a");
    expect(c.get(4)).toBe("d");
    expect(c.cost).toBeLessThanOrEqual(16);
  });

  it("never holds more than its budget, whatever is inserted", () => {
    const c = new LruCache<number, number>(1000);
    for (let i = 0; i < 10_000; i++) {
      c.set(i, i, 7 + (i % 13));
      if (i % 3 === 0) c.get(i - 5);
      expect(c.cost).toBeLessThanOrEqual(1000);
    }
    expect(c.size).toBeGreaterThan(10);
  });

  it("does not store an entry larger than half the budget", () => {
    const c = new LruCache<number, string>(10);
    c.set(1, "big", 6);
    expect(c.size).toBe(0);
  });
});

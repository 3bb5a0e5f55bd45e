import { describe, expect, it } from "vitest";
import { ExtractCache } from "./extract-cache.js";

describe("ExtractCache", () => {
  it("returns copies of what it holds, keyed by hash, type and OCR setting", () => {
    const cache = new ExtractCache(10_000);
    const key = ExtractCache.key("abc", "application/pdf", true);
    cache.set(key, { text: "hello", exceptions: [], meta: { pages: 1 } });
    const hit = cache.get(key);
    expect(hit?.text).toBe("hello");
    hit!.exceptions.push({ reason: "corrupt", detail: "x" });
    expect(cache.get(key)?.exceptions).toEqual([]);
    expect(cache.get(ExtractCache.key("abc", "application/pdf", false))).toBeUndefined();
  });

  it("does not keep containers and evicts the oldest entries beyond its bound", () => {
    const cache = new ExtractCache(4_000);
    cache.set("zip", { text: "", exceptions: [], children: [] });
    expect(cache.get("zip")).toBeUndefined();
    for (let i = 0; i < 10; i++) cache.set(`k${i}`, { text: "x".repeat(300), exceptions: [] });
    expect(cache.get("k0")).toBeUndefined();
    expect(cache.get("k9")?.text).toHaveLength(300);
  });
});

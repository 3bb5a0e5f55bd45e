import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import { gzipExtractor } from "./gzip-extractor.js";

const run = (bytes: Uint8Array, limits = DEFAULT_LIMITS) =>
  gzipExtractor({ bytes, name: "report.csv.gz", mediaType: "application/gzip", limits, ocr: false });

describe("gzipExtractor", () => {
  it("returns the single member under the name without .gz", async () => {
    const r = await run(gzipSync(Buffer.from("a,b\n1,2\n")));
    expect(r.children).toHaveLength(1);
    const c = r.children?.[0];
    expect(c?.type === "file" && c.name).toBe("report.csv");
    expect(c?.type === "file" && Buffer.from(c.bytes).toString()).toBe("a,b\n1,2\n");
    expect(r.exceptions).toEqual([]);
  });

  it("stops a gzip bomb at the ratio limit", async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
    const r = await run(bomb);
    const c = r.children?.[0];
    expect(c?.type).toBe("unreadable");
    expect(c?.type === "unreadable" && c.exception.reason).toBe("ratio-limit");
  });

  it("keeps what inflated before damage and records it as truncated", async () => {
    const whole = gzipSync(Buffer.from(randomBytes(50_000).toString("hex")));
    const r = await run(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(r.exceptions.map((x) => x.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/truncated|corrupt/)]),
    );
  });
});

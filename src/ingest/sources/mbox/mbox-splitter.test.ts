import { describe, expect, it } from "vitest";
import { MboxSplitter } from "./mbox-splitter.js";
import { unescapeFromLines } from "./unescape-from.js";

function splitAll(data: Buffer, chunkSize: number, maxMessageBytes = 1e9) {
  const s = new MboxSplitter({ maxMessageBytes });
  const pieces = [];
  for (let o = 0; o < data.length; o += chunkSize) pieces.push(...s.push(data.subarray(o, o + chunkSize)));
  pieces.push(...s.end());
  return { pieces, declared: s.declared };
}

describe("MboxSplitter", () => {
  const text = Buffer.from(
    "From a\nS: 1\n\nbody one\n\nFrom b\r\nS: 2\r\n\r\nbody two\r\n\r\nFrom c\nS: 3\n\nlast",
  );

  it("gives the same messages whatever the chunk size, down to one byte", () => {
    for (const size of [1, 2, 3, 5, 7, 13, 1024]) {
      const { pieces, declared } = splitAll(text, size);
      expect(declared, `chunk ${size}`).toBe(3);
      expect(
        pieces.map((p) => p.bytes?.toString()),
        `chunk ${size}`,
      ).toEqual(["S: 1\n\nbody one\n", "S: 2\r\n\r\nbody two\r\n", "S: 3\n\nlast"]);
    }
  });

  it("stops buffering an oversize message", () => {
    const big = Buffer.from(`From a\n\n${"x".repeat(10_000)}\n\nFrom b\n\nsmall\n`);
    const { pieces } = splitAll(big, 100, 1000);
    expect(pieces.map((p) => [p.ordinal, p.oversize, p.bytes?.toString()])).toEqual([
      [1, true, undefined],
      [2, false, "\nsmall\n"],
    ]);
  });

  it("splits at well over 50 MB/s", () => {
    const msg = Buffer.from(
      `From x@example.org Mon\nSubject: s\n\n${"some words on a line\n".repeat(400)}\n`,
    );
    const total = Buffer.alloc(32 * 1024 * 1024);
    for (let o = 0; o < total.length; o += msg.length) msg.copy(total, o);
    const started = performance.now();
    const { declared } = splitAll(total, 1024 * 1024);
    const seconds = (performance.now() - started) / 1000;
    expect(declared).toBe(Math.ceil(total.length / msg.length));
    expect(32 / seconds).toBeGreaterThan(50);
  });
});

describe("unescapeFromLines", () => {
  it("removes one '>' from quoted From lines only", () => {
    const input = Buffer.from(">From start\nx >From mid\n>>From twice\n>Fromage\n>From end");
    expect(unescapeFromLines(input).toString()).toBe(
      "From start\nx >From mid\n>From twice\n>Fromage\nFrom end",
    );
    const plain = Buffer.from("nothing quoted\n");
    expect(unescapeFromLines(plain)).toBe(plain);
  });
});

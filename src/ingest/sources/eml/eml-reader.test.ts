import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES } from "../../../../test/fixtures.js";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import type { SourceEvent, SourceSummary } from "../types.js";
import { emlReader } from "./eml-reader.js";

async function collect(gen: AsyncGenerator<SourceEvent, SourceSummary, void>) {
  const events: SourceEvent[] = [];
  for (;;) {
    const r = await gen.next();
    if (r.done) return { events, summary: r.value };
    events.push(r.value);
  }
}

const dir = mkdtempSync(join(tmpdir(), "eml-reader-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("emlReader", () => {
  it("yields one message at msg:1", async () => {
    const file = join(dir, "a.eml");
    writeFileSync(file, "From: a@example.org\r\nSubject: hello\r\n\r\nbody\r\n");
    const { events, summary } = await collect(emlReader.read(file, { limits: DEFAULT_LIMITS }));
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e.type).toBe("message");
    expect(e.path).toEqual(["msg:1"]);
    if (e.type === "message") expect(e.message.headers.subject).toBe("hello");
    expect(summary.declared).toBe(1);
  });

  it("drops an MBOX separator line saved on top of the message", async () => {
    const file = join(dir, "with-from-line.eml");
    writeFileSync(
      file,
      "From jane@example.org Mon Jan  1 00:00:00 2024\r\nFrom: jane@example.org\r\nSubject: kept\r\n\r\nbody\r\n",
    );
    const { events } = await collect(emlReader.read(file, { limits: DEFAULT_LIMITS }));
    const e = events[0]!;
    expect(e.type === "message" && e.message.headers.subject).toBe("kept");
    expect(e.type === "message" && e.message.rawHeaders).toBe("From: jane@example.org\r\nSubject: kept");
  });

  it("reports a message over maxMessageBytes as size-limit without reading it", async () => {
    const file = join(dir, "big.eml");
    writeFileSync(file, `Subject: big\r\n\r\n${"x".repeat(2000)}`);
    const { events } = await collect(
      emlReader.read(file, { limits: { ...DEFAULT_LIMITS, maxMessageBytes: 1000 } }),
    );
    expect(events).toEqual([
      { type: "exception", path: ["msg:1"], exception: expect.objectContaining({ reason: "size-limit" }) },
    ]);
  });

  it("reports a missing file as read-error and skips done messages", async () => {
    const missing = await collect(emlReader.read(join(dir, "nope.eml"), { limits: DEFAULT_LIMITS }));
    expect(missing.events.map((e) => (e.type === "exception" ? e.exception.reason : e.type))).toEqual([
      "read-error",
    ]);
    const done = await collect(
      emlReader.read(join(dir, "a.eml"), { limits: DEFAULT_LIMITS, isDone: () => true }),
    );
    expect(done.events).toEqual([]);
  });
});

describe.skipIf(!hasFixtures)(`emlReader on fixtures ${hasFixtures ? "" : NO_FIXTURES}`, () => {
  it("reads the Tika multipart sample", async () => {
    const { events } = await collect(
      emlReader.read(fixture("eml/tika-testRFC822-multipart"), { limits: DEFAULT_LIMITS }),
    );
    const e = events[0]!;
    expect(e.type === "message" && e.message.headers.subject).toBe("Test Multi Part Message");
    expect(e.type === "message" && e.message.attachments.map((a) => a.name)).toEqual(["logo.gif"]);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES } from "../../../../test/fixtures.js";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import type { SourceEvent, SourceSummary } from "../types.js";
import { msgReader } from "./msg-reader.js";

async function collect(
  gen: AsyncGenerator<SourceEvent, SourceSummary, void>,
): Promise<{ events: SourceEvent[]; summary: SourceSummary }> {
  const events: SourceEvent[] = [];
  for (;;) {
    const r = await gen.next();
    if (r.done) return { events, summary: r.value };
    events.push(r.value);
  }
}

const tmp = mkdtempSync(join(tmpdir(), "msg-reader-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!hasFixtures)(`msgReader ${hasFixtures ? "" : NO_FIXTURES}`, () => {
  it("yields one message at msg:1", async () => {
    const { events, summary } = await collect(
      msgReader.read(fixture("msg/tika-testMSG_att_doc.msg"), { limits: DEFAULT_LIMITS }),
    );
    expect(events).toHaveLength(1);
    const e = events[0];
    expect(e?.type).toBe("message");
    expect(e?.path).toEqual(["msg:1"]);
    if (e?.type === "message")
      expect(e.message.attachments.map((a) => a.name)).toEqual(["test-unicode.doc", "pj1.txt"]);
    expect(summary).toEqual({ declared: 1, format: "msg" });
  });

  it("reports a file over the size limit without reading it", async () => {
    const { events } = await collect(
      msgReader.read(fixture("msg/tika-testMSG.msg"), {
        limits: { ...DEFAULT_LIMITS, maxMessageBytes: 1000 },
      }),
    );
    expect(events).toEqual([
      {
        type: "exception",
        path: ["msg:1"],
        exception: { reason: "size-limit", detail: "message file is 20480 bytes, over the limit of 1000" },
      },
    ]);
  });

  it("skips a message an earlier run stored", async () => {
    const { events } = await collect(
      msgReader.read(fixture("msg/tika-testMSG.msg"), { limits: DEFAULT_LIMITS, isDone: () => true }),
    );
    expect(events).toEqual([]);
  });
});

describe("msgReader on bad files", () => {
  it("turns a non-MSG file into a corrupt exception", async () => {
    const path = join(tmp, "not.msg");
    writeFileSync(path, "this is not an Outlook message");
    const { events } = await collect(msgReader.read(path, { limits: DEFAULT_LIMITS }));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "exception", path: ["msg:1"], exception: { reason: "corrupt" } });
  });

  it("turns a missing file into a read-error exception", async () => {
    const { events } = await collect(msgReader.read(join(tmp, "missing.msg"), { limits: DEFAULT_LIMITS }));
    expect(events[0]).toMatchObject({ type: "exception", exception: { reason: "read-error" } });
  });
});

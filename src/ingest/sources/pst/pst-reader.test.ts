import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES, packageFile } from "../../../../test/fixtures.js";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import type { ReadOptions, SourceEvent, SourceSummary } from "../types.js";
import { pstReader } from "./pst-reader.js";

async function collect(path: string, options: Partial<ReadOptions> = {}) {
  const events: SourceEvent[] = [];
  const gen = pstReader.read(path, { limits: DEFAULT_LIMITS, ...options });
  let r = await gen.next();
  while (!r.done) {
    events.push(r.value);
    r = await gen.next();
  }
  return { events, summary: r.value as SourceSummary };
}

/** Per folder: declared vs messages + exceptions yielded directly inside it. */
function reconcile(events: SourceEvent[]) {
  const rows: { path: string; declared: number; read: number; failed: number }[] = [];
  let current: (typeof rows)[number] | undefined;
  for (const e of events) {
    if (e.type === "folder") {
      current = { path: e.path.join("/"), declared: e.declared ?? 0, read: 0, failed: 0 };
      rows.push(current);
    } else if (current && e.path.slice(0, -1).join("/") === current.path) {
      if (e.type === "message") current.read++;
      else if (e.type === "exception") current.failed++;
    }
  }
  return rows;
}

const FILES = [
  { path: fixture("pst/libyal-outlook.pst"), messages: 2, format: "pst-unicode" },
  { path: fixture("pst/tika-testPST.pst"), messages: 7, format: "pst-unicode" },
  { path: fixture("pst/tika-testPST_variousBodyTypes.pst"), messages: 4, format: "pst-unicode" },
  { path: packageFile("pst-extractor", "example/testdata/enron.pst"), messages: 71, format: "pst-unicode" },
  {
    path: packageFile("pst-extractor", "example/testdata/pstextractortest@outlook.com.ost"),
    messages: 183,
    format: "ost-2013",
  },
  {
    path: packageFile("pst-extractor", "example/testdata/pstextractortestpdf@outlook.com.ost"),
    messages: 162,
    format: "ost-2013",
  },
].filter((f) => existsSync(f.path));

describe.skipIf(!hasFixtures)(`pstReader (${NO_FIXTURES})`, () => {
  it.each(FILES)("accounts for every declared message of $path", async ({ path, messages, format }) => {
    const { events, summary } = await collect(path);
    expect(summary).toEqual({ declared: messages, format });
    const rows = reconcile(events);
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows)
      expect({ path: r.path, total: r.read + r.failed }).toEqual({ path: r.path, total: r.declared });
    expect(events.filter((e) => e.type === "message").length).toBe(messages);
    expect(events.filter((e) => e.type === "exception").length).toBe(0);
  });

  it("yields each folder before its messages, with stable NID-based message paths", async () => {
    const { events } = await collect(fixture("pst/tika-testPST.pst"));
    const first = events[0];
    expect(first?.type).toBe("folder");
    expect(first?.path).toEqual(["folder:hong-thai.nguyen"]);
    const top = events.findIndex(
      (e) => e.type === "folder" && e.name === "Début du fichier de données Outlook",
    );
    const msgs = events.flatMap((e, i) => (e.type === "message" ? [i] : []));
    expect(msgs.length).toBe(7);
    expect(Math.min(...msgs)).toBeGreaterThan(top);
    const m = events[msgs[0]!];
    expect(m?.path).toEqual([
      "folder:hong-thai.nguyen",
      "folder:Début du fichier de données Outlook",
      "msg:2097188",
    ]);
  });

  it("converts messages with mailFromMapi, including the embedded message", async () => {
    const { events } = await collect(fixture("pst/tika-testPST.pst"));
    const mails = events.flatMap((e) => (e.type === "message" ? [e.message] : []));
    const fw = mails.find((m) => m.headers.subject === "FW: First email");
    expect(fw?.kind).toBe("message");
    expect(fw?.attachments.length).toBe(1);
    expect(fw?.declaredAttachments).toBe(1);
    expect(fw?.attachments[0]?.message?.headers.subject).toBe("First email");
    expect(mails.filter((m) => (m.bodyText ?? "").length > 0).length).toBe(7);
  });

  it("carries attachment bytes through the conversion (libyal: 22 JPEGs)", async () => {
    const { events } = await collect(fixture("pst/libyal-outlook.pst"));
    const atts = events.flatMap((e) => (e.type === "message" ? e.message.attachments : []));
    expect(atts.length).toBe(22);
    expect(atts.every((a) => a.bytes !== undefined && a.bytes[0] === 0xff && a.bytes[1] === 0xd8)).toBe(true);
    expect(atts.every((a) => a.exceptions.length === 0)).toBe(true);
  });

  it("turns attachments above maxItemBytes into size-limit exceptions instead of reading them", async () => {
    const { events } = await collect(fixture("pst/libyal-outlook.pst"), {
      limits: { ...DEFAULT_LIMITS, maxItemBytes: 1000 },
    });
    const atts = events.flatMap((e) => (e.type === "message" ? e.message.attachments : []));
    expect(atts.length).toBe(22);
    expect(atts.filter((a) => a.bytes).length).toBe(0);
    expect(atts.every((a) => a.exceptions.some((x) => x.reason === "size-limit"))).toBe(true);
    expect(atts.every((a) => a.exceptions.every((x) => x.reason === "size-limit"))).toBe(true);
  });

  it("skips messages that isDone reports as stored, but still yields their folders", async () => {
    const all = await collect(fixture("pst/tika-testPST.pst"));
    const done = all.events.find((e) => e.type === "message")!.path.join("/");
    const { events } = await collect(fixture("pst/tika-testPST.pst"), {
      isDone: (p) => p.join("/") === done,
    });
    expect(events.filter((e) => e.type === "message").length).toBe(6);
    expect(events.filter((e) => e.type === "folder").length).toBe(
      all.events.filter((e) => e.type === "folder").length,
    );
    expect(events.some((e) => e.path.join("/") === done)).toBe(false);
  });

  it("stops early when the signal is aborted", async () => {
    const ac = new AbortController();
    const events: SourceEvent[] = [];
    for await (const e of pstReader.read(fixture("pst/tika-testPST.pst"), {
      limits: DEFAULT_LIMITS,
      signal: ac.signal,
    })) {
      events.push(e);
      if (e.type === "message") ac.abort();
    }
    expect(events.filter((e) => e.type === "message").length).toBe(1);
  });

  it("reports a missing file as a read error instead of throwing", async () => {
    const { events, summary } = await collect("/nonexistent/file.pst");
    expect(events).toEqual([
      { type: "exception", path: [], exception: expect.objectContaining({ reason: "read-error" }) },
    ]);
    expect(summary.declared).toBe(0);
  });
});

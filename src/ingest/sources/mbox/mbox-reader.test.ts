import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES } from "../../../../test/fixtures.js";
import { DEFAULT_LIMITS, type Limits } from "../../../core/limits.js";
import type { MailMessage } from "../../../core/mail.js";
import type { ReadOptions, SourceEvent, SourceSummary } from "../types.js";
import { mboxReader } from "./mbox-reader.js";

async function collect(path: string, options: ReadOptions = { limits: DEFAULT_LIMITS }) {
  const gen = mboxReader.read(path, options);
  const events: SourceEvent[] = [];
  for (;;) {
    const r = await gen.next();
    if (r.done) return { events, summary: r.value as SourceSummary };
    events.push(r.value);
  }
}

const messages = (events: SourceEvent[]): MailMessage[] =>
  events.flatMap((e) => (e.type === "message" ? [e.message] : []));

const dir = mkdtempSync(join(tmpdir(), "mbox-reader-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function syntheticMbox(count: number, eol = "\n"): string {
  const parts: string[] = [];
  for (let i = 1; i <= count; i++) {
    parts.push(
      [
        `From sender${i}@example.org Mon Jan  1 00:00:00 2024`,
        `From: Sender ${i} <sender${i}@example.org>`,
        `Subject: message ${i}`,
        `X-Gmail-Labels: Inbox,Label ${i % 3}`,
        "",
        `Body of message ${i}.`,
        i % 10 === 0 ? ">From the quoted line" : "plain line",
        "",
      ].join(eol),
    );
  }
  return parts.join(eol);
}

describe("mboxReader", () => {
  it("splits a few thousand messages, numbers them, unquotes >From and keeps Gmail labels", async () => {
    const file = write("many.mbox", syntheticMbox(3000));
    const { events, summary } = await collect(file);
    const ms = messages(events);
    expect(ms).toHaveLength(3000);
    expect(summary.declared).toBe(3000);
    expect(events[0]!.path).toEqual(["msg:1"]);
    expect(events[2999]!.path).toEqual(["msg:3000"]);
    expect(ms[0]!.headers.subject).toBe("message 1");
    expect(ms[2999]!.headers.from).toBe("Sender 3000 <sender3000@example.org>");
    expect(ms[9]!.bodyText).toContain("\nFrom the quoted line");
    expect(ms[9]!.bodyText).not.toContain(">From");
    expect(ms[4]!.fields["Labels"]).toBe("Inbox,Label 2");
    // The blank line before the next separator is not part of the message.
    expect(ms[0]!.bodyText).toBe("Body of message 1.\nplain line\n");
  });

  it("reads the same mbox gzip-compressed, with CRLF lines and no final newline", async () => {
    const text = syntheticMbox(2000, "\r\n").replace(/\r\n$/, "");
    const file = write("many.mbox.gz", gzipSync(Buffer.from(text)));
    const { events, summary } = await collect(file);
    const ms = messages(events);
    expect(ms).toHaveLength(2000);
    expect(summary).toEqual({ declared: 2000, format: "mbox+gzip" });
    expect(ms[1999]!.headers.subject).toBe("message 2000");
    expect(ms[0]!.bodyText).toBe("Body of message 1.\nplain line\n");
    // gzip is also recognised by its magic number, whatever the name.
    const renamed = write("gz-no-ext.mbox", gzipSync(Buffer.from(syntheticMbox(3))));
    expect(messages((await collect(renamed)).events).map((m) => m.headers.subject)).toEqual([
      "message 1",
      "message 2",
      "message 3",
    ]);
  });

  it("does not split on 'From ' lines that do not follow a blank line", async () => {
    const file = write(
      "notsep.mbox",
      "From a Mon Jan 1 2024\nSubject: one\n\nline\nFrom inside the body\n\nFrom b Mon Jan 1 2024\nSubject: two\n\nx\n",
    );
    const ms = messages((await collect(file)).events);
    expect(ms.map((m) => m.headers.subject)).toEqual(["one", "two"]);
    expect(ms[0]!.bodyText).toContain("From inside the body");
  });

  it("reports an oversize message as size-limit and goes on with the next", async () => {
    const big = "y".repeat(5000);
    const file = write(
      "big.mbox",
      `From a x\nSubject: small\n\nok\n\nFrom b x\nSubject: big\n\n${big}\n\nFrom c x\nSubject: after\n\nok\n`,
    );
    const limits: Limits = { ...DEFAULT_LIMITS, maxMessageBytes: 1000 };
    const { events, summary } = await collect(file, { limits });
    expect(events.map((e) => (e.type === "exception" ? e.exception.reason : e.type))).toEqual([
      "message",
      "size-limit",
      "message",
    ]);
    expect(events[1]!.path).toEqual(["msg:2"]);
    expect(summary.declared).toBe(3);
  });

  it("streams: a 64 MiB oversize message is skipped without being buffered", async () => {
    const file = join(dir, "huge.mbox");
    const line = Buffer.from(`${"q".repeat(1023)}\n`);
    const { openSync, writeSync, closeSync } = await import("node:fs");
    const fd = openSync(file, "w");
    writeSync(fd, "From a x\nSubject: huge\n\n");
    const block = Buffer.concat(Array.from({ length: 1024 }, () => line));
    for (let i = 0; i < 64; i++) writeSync(fd, block);
    writeSync(fd, "\nFrom b x\nSubject: next\n\nok\n");
    closeSync(fd);
    const before = process.memoryUsage().rss;
    const { events } = await collect(file, { limits: { ...DEFAULT_LIMITS, maxMessageBytes: 1024 * 1024 } });
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
    expect(events.map((e) => (e.type === "exception" ? e.exception.reason : e.type))).toEqual([
      "size-limit",
      "message",
    ]);
    expect(messages(events)[0]!.headers.subject).toBe("next");
    rmSync(file);
  });

  it("skips messages already done but keeps the numbering", async () => {
    const file = write("done.mbox", syntheticMbox(5));
    const { events, summary } = await collect(file, {
      limits: DEFAULT_LIMITS,
      isDone: (p) => p[0] === "msg:2" || p[0] === "msg:4",
    });
    expect(events.map((e) => e.path[0])).toEqual(["msg:1", "msg:3", "msg:5"]);
    expect(summary.declared).toBe(5);
  });

  it("treats text before the first separator as a message and ignores a blank one", async () => {
    const eml = write("eml-as-mbox.mbox", "Subject: lonely\n\nbody\n");
    expect(messages((await collect(eml)).events).map((m) => m.headers.subject)).toEqual(["lonely"]);
    const blank = write("blank-start.mbox", "\n\nFrom a x\nSubject: s\n\nb\n");
    const r = await collect(blank);
    expect(messages(r.events).map((m) => m.headers.subject)).toEqual(["s"]);
    expect(r.summary.declared).toBe(1);
    const empty = write("empty.mbox", "");
    expect((await collect(empty)).events).toEqual([]);
  });

  it("reports a truncated gzip stream after yielding what was readable", async () => {
    const gz = gzipSync(Buffer.from(syntheticMbox(500)));
    const file = write("cut.mbox.gz", gz.subarray(0, Math.floor(gz.length * 0.6)));
    const { events } = await collect(file);
    const last = events.at(-1)!;
    expect(last.type).toBe("exception");
    expect(last.type === "exception" && last.exception.reason).toBe("truncated");
    expect(messages(events).length).toBeGreaterThan(10);
  });

  it("finds separators that straddle chunk seams at every offset", async () => {
    // 1 MiB read chunks: pad so separators land across the seam at different offsets.
    const parts: string[] = [];
    let size = 0;
    let n = 0;
    while (size < 3 * 1024 * 1024) {
      n++;
      const body = "z".repeat(1024 * 1024 - 7 + (n % 9));
      const msg = `From x@example.org Mon\nSubject: s${n}\n\n${body}\n\n`;
      parts.push(msg);
      size += msg.length;
    }
    const file = write("seams.mbox", parts.join(""));
    expect(statSync(file).size).toBeGreaterThan(3 * 1024 * 1024);
    const ms = messages((await collect(file)).events);
    expect(ms).toHaveLength(n);
    expect(ms.map((m) => m.headers.subject)).toEqual(Array.from({ length: n }, (_, i) => `s${i + 1}`));
  });
});

describe.skipIf(!hasFixtures)(`mboxReader on fixtures ${hasFixtures ? "" : NO_FIXTURES}`, () => {
  it("reads the Tika MBOX samples", async () => {
    const complex = await collect(fixture("mbox/tika-complex.mbox"));
    const ms = messages(complex.events);
    expect(complex.summary.declared).toBe(3);
    expect(ms.map((m) => m.headers.subject)).toEqual([
      "Re: question about when shuffle/sort start working",
      "Re: question about when shuffle/sort start working",
      "Re: question about when shuffle/sort start working",
    ]);
    expect(ms.every((m) => m.exceptions.length === 0)).toBe(true);

    const one = await collect(fixture("mbox/tika-testMBOX_complex.mbox"));
    const m = messages(one.events);
    expect(one.summary.declared).toBe(1);
    expect(m).toHaveLength(1);
    expect(m[0]!.headers.subject).toBe("xxxxxxx");
    expect(m[0]!.headers.date).toBe("2015-07-20T07:01:07.000Z");
    expect(m[0]!.bodyText?.length).toBeGreaterThan(0);
    expect(m[0]!.bodyHtml?.length).toBeGreaterThan(0);
  });
});

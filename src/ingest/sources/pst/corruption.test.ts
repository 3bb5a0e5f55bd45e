import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES } from "../../../../test/fixtures.js";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import type { SourceEvent } from "../types.js";
import { companionNid, NID_TYPE } from "./messaging/nids.js";
import { BufferSource } from "./ndb/file-source.js";
import { openPst } from "./pst-file.js";
import { pstReader } from "./pst-reader.js";

const dir = mkdtempSync(join(tmpdir(), "pst-corrupt-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(bytes: Buffer, name: string) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const events: SourceEvent[] = [];
  const gen = pstReader.read(path, { limits: DEFAULT_LIMITS });
  let r = await gen.next();
  while (!r.done) {
    events.push(r.value);
    r = await gen.next();
  }
  const count = (t: SourceEvent["type"]) => events.filter((e) => e.type === t).length;
  const declared = events.reduce((n, e) => n + (e.type === "folder" ? (e.declared ?? 0) : 0), 0);
  return { events, summary: r.value, messages: count("message"), exceptions: count("exception"), declared };
}

/** The file offset of the first data block of a node. */
function nodeBlockOffset(bytes: Buffer, nid: number): number {
  const f = openPst(new BufferSource(bytes));
  try {
    const node = f.ndb.node(nid);
    const bid = f.ndb.dataBlockIds(node.bidData)[0]!;
    return f.ndb.blockEntry(bid).ib;
  } finally {
    f.close();
  }
}

/** A small deterministic generator so the damage is the same on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x1_0000_0000;
  };
}

const TIKA = fixture("pst/tika-testPST.pst");

describe.skipIf(!hasFixtures)(`damaged PST files (${NO_FIXTURES})`, () => {
  it("reports a message whose data block is overwritten and still yields the other six", async () => {
    const bytes = readFileSync(TIKA);
    const victim = 2097252; // the third message of the top folder
    bytes.fill(0xa5, nodeBlockOffset(bytes, victim), nodeBlockOffset(bytes, victim) + 48);
    const r = await readAll(bytes, "one-message.pst");
    expect(r.messages).toBe(6);
    expect(r.exceptions).toBe(1);
    const ex = r.events.find((e) => e.type === "exception");
    expect(ex?.path.at(-1)).toBe(`msg:${victim}`);
    expect(ex?.type === "exception" && ex.exception.reason).toBe("corrupt");
    expect(ex?.type === "exception" && ex.exception.detail).toMatch(/node 0x200064/);
  });

  it("turns every row of an unreadable contents table into an exception", async () => {
    const bytes = readFileSync(TIKA);
    const f = openPst(new BufferSource(bytes));
    const top = [...f.folders()].find((x) => x.declared === 7)!;
    f.close();
    const at = nodeBlockOffset(bytes, companionNid(top.nid, NID_TYPE.CONTENTS_TABLE));
    bytes.fill(0, at, at + 64);
    const r = await readAll(bytes, "contents.pst");
    // The table's index is gone too, so the folder declares what it can: its PidTagContentCount
    // mismatch is reported on the folder event.
    const folder = r.events.find((e) => e.type === "folder" && e.name === top.name);
    expect(folder?.type === "folder" && folder.exceptions?.map((x) => x.reason)).toContain(
      "declared-not-read",
    );
    expect(r.messages + r.exceptions).toBe(r.declared);
    // The messages themselves are intact: they are found in the node B-tree and yielded under
    // the orphans folder, so no evidence is lost with the table.
    const orphans = r.events.filter(
      (e) => e.type === "message" && e.path[0] === "folder:(not in any folder)",
    );
    expect(orphans.length).toBe(7);
    expect(r.messages).toBe(7);
  });

  it("finishes with exceptions, never a throw, when many regions are overwritten", async () => {
    const original = readFileSync(TIKA);
    for (const seed of [1, 2, 3, 4, 5]) {
      const bytes = Buffer.from(original);
      const rnd = prng(seed);
      // Damage 40 spots of 256 bytes past the header, covering pages, blocks and trailers.
      for (let i = 0; i < 40; i++) {
        const at = 1024 + Math.floor(rnd() * (bytes.length - 2048));
        for (let j = 0; j < 256; j++) bytes[at + j] = Math.floor(rnd() * 256);
      }
      const r = await readAll(bytes, `random-${seed}.pst`);
      expect(r.events.length).toBeGreaterThan(0);
      expect(r.messages + r.exceptions).toBe(r.declared);
    }
  });

  it("yields what it can from a truncated file", async () => {
    const bytes = readFileSync(fixture("pst/libyal-outlook.pst"));
    const r = await readAll(bytes.subarray(0, Math.floor(bytes.length * 0.6)), "truncated.pst");
    expect(r.events[0]?.type).toBe("folder");
    const all = r.events.flatMap((e) =>
      e.type === "exception" ? [e.exception] : e.type === "folder" ? (e.exceptions ?? []) : [],
    );
    expect(all.length).toBeGreaterThan(0);
    expect(all.some((x) => x.reason === "truncated" || x.reason === "corrupt")).toBe(true);
    expect(r.messages + r.exceptions).toBe(r.declared);
  });

  it("reports a file that is not a PST at all", async () => {
    const r = await readAll(Buffer.from("this is not an outlook file".repeat(40)), "not.pst");
    expect(r.events.length).toBe(1);
    expect(r.events[0]?.type === "exception" && r.events[0].exception.reason).toBe("corrupt");
  });
});

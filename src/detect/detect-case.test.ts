import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initCase, type OpenCase } from "../case/case.js";
import type { ItemNode } from "../core/item.js";
import { detectCase } from "./detect-case.js";

function item(n: number, text: string): ItemNode {
  return {
    provenance: `source:1:box.mbox/msg:${n}`,
    kind: "message",
    mediaType: "message/rfc822",
    size: text.length,
    sha256: `h${n}`,
    text,
    exceptions: [],
    unreadable: [],
    children: [],
  };
}

describe("detect over a case", () => {
  let dir: string;
  let c: OpenCase;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "bs-detect-case-"));
    c = await initCase(join(dir, "case"));
    const s = await c.store.addSource({
      path: "/x/box.mbox",
      size: 1,
      sha256: "s",
      format: "mbox",
      addedBy: "t",
    });
    const entries = [];
    for (let n = 1; n <= 150; n++) {
      entries.push({
        sourceId: s.id,
        parentId: null,
        node: item(
          n,
          `Patient: Maria Gonzalez\nDOB: 03/04/1961\nSSN: 512-44-${String(1000 + n)}\nMRN: 00${123400 + n}\n`,
        ),
      });
    }
    entries.push({ sourceId: s.id, parentId: null, node: item(999, "Lunch is at noon on Friday.") });
    await c.store.writeEntries(entries);
  });
  afterAll(async () => {
    await c.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("stores findings with their item, resumes without redoing work, and redoes all with force", async () => {
    const first = await detectCase(c, { jobs: 1 });
    expect(first.items).toBe(151);
    expect(first.byElement["SSN"]).toBe(150);
    expect(first.byElement["MRN"]).toBe(150);
    const stored = [];
    for await (const f of c.store.findings()) stored.push(f);
    expect(stored.length).toBe(first.findings);
    expect(stored.every((f) => f.end > f.start && f.explanation !== null)).toBe(true);

    const again = await detectCase(c, { jobs: 1 });
    expect(again).toMatchObject({ items: 0, alreadyDetected: 151, findings: 0 });
    expect(again.byElement).toEqual(first.byElement);

    const forced = await detectCase(c, { jobs: 2, force: true });
    expect(forced.items).toBe(151);
    expect(forced.byElement).toEqual(first.byElement);
  }, 120_000);
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3-multiple-ciphers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ItemNode } from "../../core/item.js";
import { auditHash, SqliteStore } from "./sqlite-store.js";

function node(provenance: string, extra: Partial<ItemNode> = {}): ItemNode {
  return {
    provenance,
    kind: "message",
    mediaType: "message/rfc822",
    size: 10,
    sha256: "abc",
    text: "hello",
    exceptions: [],
    unreadable: [],
    children: [],
    ...extra,
  };
}

describe("SqliteStore", () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "bs-store-"));
    store = new SqliteStore(join(dir, "case.sqlite"));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("applies migrations once and reopens an existing file", async () => {
    await store.setMeta("k", "v");
    await store.close();
    store = new SqliteStore(join(dir, "case.sqlite"));
    expect(await store.getMeta("k")).toBe("v");
  });

  it("chains audit entries and refuses to change or delete them", async () => {
    const a = await store.appendAudit({
      actor: "u",
      command: "one",
      version: "1",
      options: { x: 1 },
      detail: null,
    });
    const b = await store.appendAudit({
      actor: "u",
      command: "two",
      version: "1",
      options: {},
      detail: { n: 2 },
    });
    expect(b.prevHash).toBe(a.hash);
    const list = await store.listAudit();
    expect(list.map((e) => e.command)).toEqual(["one", "two"]);
    for (const e of list) {
      const { hash, prevHash, ...rest } = e;
      expect(auditHash(prevHash, rest)).toBe(hash);
    }
    await store.close();
    const raw = new Database(join(dir, "case.sqlite"));
    expect(() => raw.prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(/append-only/);
    expect(() => raw.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
    raw.close();
    store = new SqliteStore(join(dir, "case.sqlite"));
  });

  it("registers a source once per SHA-256", async () => {
    const s = await store.addSource({ path: "/a.pst", size: 5, sha256: "h1", format: "pst", addedBy: "u" });
    expect((await store.findSourceBySha("h1"))?.id).toBe(s.id);
    await expect(
      store.addSource({ path: "/b.pst", size: 5, sha256: "h1", format: "pst", addedBy: "u" }),
    ).rejects.toThrow();
  });

  it("writes an entry tree with its exceptions and links duplicate messages", async () => {
    const s = await store.addSource({ path: "/a.mbox", size: 5, sha256: "h", format: "mbox", addedBy: "u" });
    const folder = await store.ensureFolder({
      sourceId: s.id,
      parentId: null,
      provenance: "r/folder:Inbox",
      name: "Inbox",
      declared: 3,
    });
    expect(
      await store.ensureFolder({
        sourceId: s.id,
        parentId: null,
        provenance: "r/folder:Inbox",
        name: "Inbox",
      }),
    ).toBe(folder);
    const msg = node("r/folder:Inbox/msg:1", {
      headers: { messageId: "<m1@x>", to: ["a"], cc: [], bcc: [], subject: "s" },
      children: [
        node("r/folder:Inbox/msg:1/att:1:a.pdf", {
          kind: "attachment",
          mediaType: "application/pdf",
          exceptions: [{ reason: "encrypted", detail: "needs a password" }],
        }),
      ],
      unreadable: [
        { provenance: "r/folder:Inbox/msg:1/att:2", exception: { reason: "corrupt", detail: "bad" } },
      ],
    });
    const copy = node("r/folder:Inbox/msg:2", {
      headers: { messageId: "<m1@x>", to: ["a"], cc: [], bcc: [] },
    });
    const r = await store.writeEntries([
      { sourceId: s.id, parentId: folder, node: msg },
      { sourceId: s.id, parentId: folder, node: copy },
    ]);
    expect(r).toEqual({ items: 3, duplicates: 1 });
    // Writing the same entry again (a resumed run) changes nothing.
    expect(await store.writeEntries([{ sourceId: s.id, parentId: folder, node: msg }])).toEqual({
      items: 0,
      duplicates: 0,
    });
    const items = [];
    for await (const it of store.items()) items.push(it);
    expect(items.map((i) => [i.provenance, i.duplicateOf !== null])).toEqual([
      ["r/folder:Inbox/msg:1", false],
      ["r/folder:Inbox/msg:1/att:1:a.pdf", false],
      ["r/folder:Inbox/msg:2", true],
    ]);
    expect(await store.itemText(items[0]!.id)).toBe("hello");
    expect(await store.exceptionCounts()).toEqual({ encrypted: 1, corrupt: 1 });
    // Folder declared 3, holds 2 messages: one short.
    expect(await store.shortfalls(s.id)).toEqual([
      { itemId: folder, provenance: "r/folder:Inbox", declared: 3, read: 2 },
    ]);
    expect(await store.storedEntryPaths(s.id)).toEqual(
      new Set(["r/folder:Inbox/msg:1", "r/folder:Inbox/msg:2"]),
    );
    const [rec] = await store.reconciliation();
    expect(rec).toMatchObject({ read: 2, items: 3, exceptions: 2 });
  });

  it("rolls back a whole batch when one entry fails", async () => {
    const s = await store.addSource({ path: "/a", size: 1, sha256: "h", format: "eml", addedBy: "u" });
    const bad = node("r/msg:2", { kind: "message" });
    // An invalid parent id violates the foreign key and must undo the batch.
    await expect(
      store.writeEntries([
        { sourceId: s.id, parentId: null, node: node("r/msg:1") },
        { sourceId: s.id, parentId: 9999, node: bad },
      ]),
    ).rejects.toThrow();
    expect(await store.storedEntryPaths(s.id)).toEqual(new Set());
  });
});

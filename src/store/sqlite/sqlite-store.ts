import { createHash } from "node:crypto";
import Database from "better-sqlite3-multiple-ciphers";
import type { ExceptionReason } from "../../core/exception.js";
import type { ItemKind, ItemNode } from "../../core/item.js";
import type {
  AuditEntry,
  EntryToWrite,
  ExceptionRow,
  FindingRow,
  ItemCounts,
  ItemFindings,
  ItemRow,
  NewException,
  NewSource,
  ReconciliationRow,
  SourceRow,
  Store,
  WriteResult,
} from "../types.js";
import { SQLITE_MIGRATIONS } from "./migrations.js";

type Row = Record<string, unknown>;

const GENESIS_HASH = "0".repeat(64);

function now(): string {
  return new Date().toISOString();
}

/** Hash of an audit entry chained to its predecessor; tampering with any entry breaks every later hash. */
export function auditHash(prevHash: string, e: Omit<AuditEntry, "hash" | "prevHash">): string {
  const body = JSON.stringify([e.seq, e.at, e.actor, e.command, e.version, e.options, e.detail]);
  return createHash("sha256").update(prevHash).update(body).digest("hex");
}

function toSource(r: Row): SourceRow {
  return {
    id: r.id as number,
    path: r.path as string,
    size: r.size as number,
    sha256: r.sha256 as string,
    format: r.format as string,
    parentId: (r.parent_id as number | null) ?? null,
    status: r.status as SourceRow["status"],
    declared: (r.declared as number | null) ?? null,
    addedAt: r.added_at as string,
    addedBy: r.added_by as string,
  };
}

function toItem(r: Row): ItemRow {
  return {
    id: r.id as number,
    sourceId: r.source_id as number,
    parentId: (r.parent_id as number | null) ?? null,
    kind: r.kind as ItemKind,
    provenance: r.provenance as string,
    name: (r.name as string | null) ?? null,
    mediaType: r.media_type as string,
    size: r.size as number,
    sha256: r.sha256 as string,
    textLength: r.text_length as number,
    declared: (r.declared as number | null) ?? null,
    duplicateOf: (r.duplicate_of as number | null) ?? null,
    messageId: (r.message_id as string | null) ?? null,
    subject: (r.subject as string | null) ?? null,
    from: (r.from_addr as string | null) ?? null,
    to: (r.to_addr as string | null) ?? null,
    cc: (r.cc_addr as string | null) ?? null,
    bcc: (r.bcc_addr as string | null) ?? null,
    date: (r.sent_at as string | null) ?? null,
    meta: r.meta ? (JSON.parse(r.meta as string) as ItemRow["meta"]) : null,
  };
}

function toException(r: Row): ExceptionRow {
  return {
    id: r.id as number,
    sourceId: r.source_id as number,
    itemId: (r.item_id as number | null) ?? null,
    parentId: (r.parent_id as number | null) ?? null,
    provenance: r.provenance as string,
    reason: r.reason as ExceptionReason,
    detail: r.detail as string,
    where: r.where_ as string,
    stage: r.stage as string,
    createdAt: r.created_at as string,
  };
}

/** The embedded store: one SQLite file per case, WAL mode, batched transactions. */
export class SqliteStore implements Store {
  readonly kind = "sqlite" as const;
  private readonly db: Database.Database;
  private readonly stmts: ReturnType<SqliteStore["prepare"]>;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 10000");
    this.migrate();
    this.stmts = this.prepare();
  }

  private readonly cache = new Map<string, Database.Statement>();

  /** A prepared statement, prepared once per SQL text (preparing costs more than running). */
  private sql(text: string): Database.Statement {
    let st = this.cache.get(text);
    if (!st) {
      st = this.db.prepare(text);
      this.cache.set(text, st);
    }
    return st;
  }

  private migrate(): void {
    this.db.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    );
    const applied = new Set(
      (this.db.prepare("SELECT id FROM schema_migrations").all() as Row[]).map((r) => r.id as number),
    );
    for (const m of SQLITE_MIGRATIONS) {
      if (applied.has(m.id)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db
          .prepare("INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)")
          .run(m.id, m.name, now());
      })();
    }
  }

  private prepare() {
    const db = this.db;
    return {
      insertItem:
        db.prepare(`INSERT INTO items (source_id, parent_id, kind, provenance, name, media_type, size, sha256,
        text_length, declared, duplicate_of, message_id, subject, from_addr, to_addr, cc_addr, bcc_addr, sent_at, meta, top_level)
        VALUES (@sourceId, @parentId, @kind, @provenance, @name, @mediaType, @size, @sha256, @textLength, @declared,
        @duplicateOf, @messageId, @subject, @from, @to, @cc, @bcc, @date, @meta, @topLevel)`),
      insertText: db.prepare("INSERT INTO item_text (item_id, text) VALUES (?, ?)"),
      insertException:
        db.prepare(`INSERT OR IGNORE INTO exceptions (source_id, item_id, parent_id, provenance, reason,
        detail, where_, stage, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      itemByProvenance: db.prepare("SELECT id FROM items WHERE provenance = ?"),
      findMessage: db.prepare(
        "SELECT id FROM items WHERE message_id = ? AND sha256 = ? AND duplicate_of IS NULL ORDER BY id LIMIT 1",
      ),
    };
  }

  async close(): Promise<void> {
    this.db.close();
  }

  async getMeta(key: string): Promise<string | undefined> {
    const r = this.sql("SELECT value FROM meta WHERE key = ?").get(key) as Row | undefined;
    return r ? (r.value as string) : undefined;
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.sql(
      "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    ).run(key, value);
  }

  async appendAudit(e: {
    actor: string;
    command: string;
    version: string;
    options: unknown;
    detail: unknown;
  }): Promise<AuditEntry> {
    return this.db.transaction(() => {
      const last = this.sql("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").get() as
        | Row
        | undefined;
      const seq = last ? (last.seq as number) + 1 : 1;
      const prevHash = last ? (last.hash as string) : GENESIS_HASH;
      const base = {
        seq,
        at: now(),
        actor: e.actor,
        command: e.command,
        version: e.version,
        options: e.options ?? null,
        detail: e.detail ?? null,
      };
      const hash = auditHash(prevHash, base);
      this.sql(
        "INSERT INTO audit_log (seq, at, actor, command, version, options, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      ).run(
        seq,
        base.at,
        base.actor,
        base.command,
        base.version,
        JSON.stringify(base.options),
        JSON.stringify(base.detail),
        prevHash,
        hash,
      );
      return { ...base, prevHash, hash };
    })();
  }

  async listAudit(): Promise<AuditEntry[]> {
    return (this.sql("SELECT * FROM audit_log ORDER BY seq").all() as Row[]).map((r) => ({
      seq: r.seq as number,
      at: r.at as string,
      actor: r.actor as string,
      command: r.command as string,
      version: r.version as string,
      options: JSON.parse(r.options as string),
      detail: JSON.parse(r.detail as string),
      prevHash: r.prev_hash as string,
      hash: r.hash as string,
    }));
  }

  async findSourceBySha(sha256: string): Promise<SourceRow | undefined> {
    const r = this.sql("SELECT * FROM sources WHERE sha256 = ?").get(sha256) as Row | undefined;
    return r ? toSource(r) : undefined;
  }

  async addSource(s: NewSource): Promise<SourceRow> {
    const info = this.sql(
      "INSERT INTO sources (path, size, sha256, format, parent_id, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ).run(s.path, s.size, s.sha256, s.format, s.parentId ?? null, now(), s.addedBy);
    return toSource(this.sql("SELECT * FROM sources WHERE id = ?").get(info.lastInsertRowid) as Row);
  }

  async setSourceStatus(
    id: number,
    status: SourceRow["status"],
    declared?: number | null,
    format?: string,
  ): Promise<void> {
    this.sql(
      "UPDATE sources SET status = ?, declared = COALESCE(?, declared), format = COALESCE(?, format) WHERE id = ?",
    ).run(status, declared ?? null, format ?? null, id);
  }

  async addSourcePath(sourceId: number, path: string, addedBy: string): Promise<void> {
    this.sql(
      "INSERT OR IGNORE INTO source_paths (source_id, path, added_at, added_by) VALUES (?, ?, ?, ?)",
    ).run(sourceId, path, now(), addedBy);
  }

  async sourcePaths(sourceId: number): Promise<string[]> {
    return (
      this.sql("SELECT path FROM source_paths WHERE source_id = ? ORDER BY added_at, path")
        .raw()
        .all(sourceId) as string[][]
    ).map((r) => r[0] as string);
  }

  async listSources(): Promise<SourceRow[]> {
    return (this.sql("SELECT * FROM sources ORDER BY id").all() as Row[]).map(toSource);
  }

  async ensureFolder(f: {
    sourceId: number;
    parentId: number | null;
    provenance: string;
    name: string;
    declared?: number;
  }): Promise<number> {
    const existing = this.stmts.itemByProvenance.get(f.provenance) as Row | undefined;
    if (existing) return existing.id as number;
    const info = this.stmts.insertItem.run({
      sourceId: f.sourceId,
      parentId: f.parentId,
      kind: "folder",
      provenance: f.provenance,
      name: f.name,
      mediaType: "inode/directory",
      size: 0,
      sha256: "",
      textLength: 0,
      declared: f.declared ?? null,
      duplicateOf: null,
      messageId: null,
      subject: null,
      from: null,
      to: null,
      cc: null,
      bcc: null,
      date: null,
      meta: null,
      topLevel: 0,
    });
    return Number(info.lastInsertRowid);
  }

  async storedEntryPaths(sourceId: number): Promise<Set<string>> {
    const rows = this.sql("SELECT provenance FROM items WHERE source_id = ? AND top_level = 1")
      .raw()
      .all(sourceId) as string[][];
    const set = new Set<string>();
    for (const r of rows) set.add(r[0] as string);
    for (const r of this.sql(
      `SELECT x.provenance FROM exceptions x LEFT JOIN items p ON p.id = x.parent_id
         WHERE x.source_id = ? AND x.item_id IS NULL AND (x.parent_id IS NULL OR p.kind = 'folder')`,
    )
      .raw()
      .all(sourceId) as string[][]) {
      set.add(r[0] as string);
    }
    return set;
  }

  async findMessage(messageId: string, sha256: string): Promise<number | undefined> {
    const r = this.stmts.findMessage.get(messageId, sha256) as Row | undefined;
    return r ? (r.id as number) : undefined;
  }

  async writeEntries(entries: EntryToWrite[]): Promise<WriteResult> {
    const result: WriteResult = { items: 0, duplicates: 0 };
    this.db.transaction(() => {
      for (const e of entries) {
        // A retried entry may already be stored by a run that committed it just before dying.
        if (this.stmts.itemByProvenance.get(e.node.provenance)) continue;
        this.writeNode(e.sourceId, e.parentId, e.node, true, result);
      }
    })();
    return result;
  }

  private writeNode(
    sourceId: number,
    parentId: number | null,
    node: ItemNode,
    topLevel: boolean,
    result: WriteResult,
  ): void {
    const messageId = node.headers?.messageId ?? null;
    const duplicateOf =
      messageId && node.kind !== "folder"
        ? ((this.stmts.findMessage.get(messageId, node.sha256) as Row | undefined)?.id as number | undefined)
        : undefined;
    const h = node.headers;
    const info = this.stmts.insertItem.run({
      sourceId,
      parentId,
      kind: node.kind,
      provenance: node.provenance,
      name: node.name ?? null,
      mediaType: node.mediaType,
      size: node.size,
      sha256: node.sha256,
      textLength: duplicateOf ? 0 : node.text.length,
      declared: node.declared ?? null,
      duplicateOf: duplicateOf ?? null,
      messageId,
      subject: h?.subject ?? null,
      from: h?.from ?? null,
      to: h ? h.to.join("; ") || null : null,
      cc: h ? h.cc.join("; ") || null : null,
      bcc: h ? h.bcc.join("; ") || null : null,
      date: h?.date ?? null,
      meta: node.meta ? JSON.stringify(node.meta) : null,
      topLevel: topLevel ? 1 : 0,
    });
    const id = Number(info.lastInsertRowid);
    result.items++;
    if (duplicateOf !== undefined) {
      // Stored once: this place is linked to the canonical copy, whose text and attachments already count.
      result.duplicates++;
      return;
    }
    if (node.text.length > 0) this.stmts.insertText.run(id, node.text);
    const at = now();
    for (const x of node.exceptions) {
      this.stmts.insertException.run(
        sourceId,
        id,
        parentId,
        node.provenance,
        x.reason,
        x.detail,
        x.where ?? "",
        "ingest",
        at,
      );
    }
    for (const u of node.unreadable) {
      const x = u.exception;
      this.stmts.insertException.run(
        sourceId,
        null,
        id,
        u.provenance,
        x.reason,
        x.detail,
        x.where ?? "",
        "ingest",
        at,
      );
    }
    for (const child of node.children) this.writeNode(sourceId, id, child, false, result);
  }

  async addException(x: NewException): Promise<void> {
    this.stmts.insertException.run(
      x.sourceId,
      x.itemId ?? null,
      x.parentId ?? null,
      x.provenance,
      x.reason,
      x.detail,
      x.where ?? "",
      x.stage,
      now(),
    );
  }

  async shortfalls(
    sourceId: number,
  ): Promise<{ itemId: number; provenance: string; declared: number; read: number }[]> {
    const rows = this.sql(
      `SELECT c.id, c.provenance, c.declared,
           (SELECT COUNT(*) FROM items k WHERE k.parent_id = c.id AND k.kind <> 'folder') +
           (SELECT COUNT(*) FROM exceptions x WHERE x.parent_id = c.id AND x.item_id IS NULL) AS read
         FROM items c WHERE c.source_id = ? AND c.kind = 'folder' AND c.declared IS NOT NULL`,
    ).all(sourceId) as Row[];
    return rows
      .filter((r) => (r.read as number) < (r.declared as number))
      .map((r) => ({
        itemId: r.id as number,
        provenance: r.provenance as string,
        declared: r.declared as number,
        read: r.read as number,
      }));
  }

  async reconciliation(): Promise<ReconciliationRow[]> {
    const rows = this.sql(
      `SELECT s.id, s.path, s.sha256, s.format, s.declared,
           (SELECT COUNT(*) FROM items i WHERE i.source_id = s.id AND i.top_level = 1) +
           (SELECT COUNT(*) FROM exceptions x WHERE x.source_id = s.id AND x.item_id IS NULL AND x.stage = 'ingest'
              AND (x.parent_id IS NULL OR x.parent_id IN (SELECT f.id FROM items f WHERE f.source_id = s.id AND f.kind = 'folder'))) AS read,
           (SELECT COUNT(*) FROM items i WHERE i.source_id = s.id AND i.kind <> 'folder') AS items,
           (SELECT COUNT(*) FROM exceptions x WHERE x.source_id = s.id) AS exceptions
         FROM sources s ORDER BY s.id`,
    ).all() as Row[];
    return rows.map((r) => ({
      sourceId: r.id as number,
      path: r.path as string,
      sha256: r.sha256 as string,
      format: r.format as string,
      declared: (r.declared as number | null) ?? null,
      read: r.read as number,
      items: r.items as number,
      exceptions: r.exceptions as number,
    }));
  }

  /** Runs a `SELECT key, COUNT(*) AS n … GROUP BY key` query into a record, in the query's order. */
  private countBy(query: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [key, n] of this.sql(query).raw().all() as [string, number][]) out[key] = n;
    return out;
  }

  async itemCounts(): Promise<ItemCounts> {
    const byKind = this.countBy("SELECT kind, COUNT(*) AS n FROM items WHERE kind <> 'folder' GROUP BY kind");
    const byMediaType = this.countBy(
      "SELECT media_type, COUNT(*) AS n FROM items WHERE kind <> 'folder' AND duplicate_of IS NULL GROUP BY media_type ORDER BY n DESC",
    );
    const dup = this.sql("SELECT COUNT(*) AS n FROM items WHERE duplicate_of IS NOT NULL").get() as Row;
    return { byKind, byMediaType, duplicates: dup.n as number };
  }

  async exceptionCounts(): Promise<Record<string, number>> {
    return this.countBy("SELECT reason, COUNT(*) AS n FROM exceptions GROUP BY reason ORDER BY n DESC");
  }

  async *items(): AsyncIterable<ItemRow> {
    for (const r of this.sql("SELECT * FROM items WHERE kind <> 'folder' ORDER BY id").iterate()) {
      yield toItem(r as Row);
    }
  }

  async *exceptions(): AsyncIterable<ExceptionRow> {
    for (const r of this.sql("SELECT * FROM exceptions ORDER BY id").iterate()) {
      yield toException(r as Row);
    }
  }

  async itemText(id: number): Promise<string | undefined> {
    const r = this.sql("SELECT text FROM item_text WHERE item_id = ?").get(id) as Row | undefined;
    return r ? (r.text as string) : undefined;
  }

  async textItemCount(): Promise<number> {
    const r = this.sql(
      "SELECT COUNT(*) AS n FROM items WHERE text_length > 0 AND duplicate_of IS NULL",
    ).get() as Row;
    return r.n as number;
  }

  async *itemsToDetect(detectorSet: string): AsyncIterable<{ id: number; textLength: number }> {
    // Collected first: the caller writes findings while it goes, which an open cursor would block.
    const rows = this.sql(
      `SELECT i.id, i.text_length FROM items i LEFT JOIN item_detection d ON d.item_id = i.id AND d.detector_set = ?
       WHERE i.text_length > 0 AND i.duplicate_of IS NULL AND d.item_id IS NULL ORDER BY i.id`,
    )
      .raw()
      .all(detectorSet) as [number, number][];
    for (const [id, textLength] of rows) yield { id, textLength };
  }

  async writeFindings(batch: ItemFindings[], detectorSet: string): Promise<void> {
    const del = this.sql("DELETE FROM findings WHERE item_id = ?");
    const ins = this.sql(
      `INSERT INTO findings (item_id, element, start_offset, end_offset, text, score, detector, explanation, row_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const mark = this.sql(
      `INSERT INTO item_detection (item_id, detector_set, findings, detected_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(item_id) DO UPDATE SET detector_set = excluded.detector_set, findings = excluded.findings,
       detected_at = excluded.detected_at`,
    );
    const at = now();
    this.db.transaction(() => {
      for (const b of batch) {
        del.run(b.itemId);
        for (const f of b.findings) {
          ins.run(
            b.itemId,
            f.element,
            f.start,
            f.end,
            f.text,
            f.score,
            f.detector,
            JSON.stringify(f.explanation),
            f.row ?? null,
          );
        }
        mark.run(b.itemId, detectorSet, b.findings.length, at);
      }
    })();
  }

  async resetDetection(): Promise<void> {
    this.db.transaction(() => {
      this.db.exec("DELETE FROM findings; DELETE FROM item_detection;");
    })();
  }

  async findingCounts(): Promise<Record<string, number>> {
    return this.countBy("SELECT element, COUNT(*) AS n FROM findings GROUP BY element ORDER BY n DESC");
  }

  async *findings(): AsyncIterable<FindingRow> {
    for (const r of this.sql(
      "SELECT * FROM findings ORDER BY item_id, start_offset, id",
    ).iterate() as Iterable<Row>) {
      yield {
        id: r.id as number,
        itemId: r.item_id as number,
        element: r.element as string,
        start: r.start_offset as number,
        end: r.end_offset as number,
        text: r.text as string,
        score: r.score as number,
        detector: r.detector as string,
        explanation: JSON.parse(r.explanation as string),
        row: (r.row_key as string | null) ?? null,
      };
    }
  }
}

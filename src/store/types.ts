import type { ExceptionReason } from "../core/exception.js";
import type { ItemKind, ItemNode } from "../core/item.js";

export interface SourceRow {
  id: number;
  path: string;
  size: number;
  sha256: string;
  /** Detected format: pst-unicode, mbox, eml, msg, zip, pdf, … */
  format: string;
  /** The archive this source was expanded from, if any. */
  parentId: number | null;
  status: "pending" | "ingesting" | "done" | "failed";
  /** Top-level entries the format declares (messages in a PST or MBOX), when known. */
  declared: number | null;
  addedAt: string;
  addedBy: string;
}

export interface ItemRow {
  id: number;
  sourceId: number;
  parentId: number | null;
  kind: ItemKind;
  provenance: string;
  name: string | null;
  mediaType: string;
  size: number;
  sha256: string;
  textLength: number;
  declared: number | null;
  duplicateOf: number | null;
  messageId: string | null;
  subject: string | null;
  from: string | null;
  to: string | null;
  cc: string | null;
  bcc: string | null;
  date: string | null;
  meta: Record<string, string | number | boolean> | null;
}

export interface ExceptionRow {
  id: number;
  sourceId: number;
  itemId: number | null;
  /** The container under which the exception sits (for unreadable children). */
  parentId: number | null;
  provenance: string;
  reason: ExceptionReason;
  detail: string;
  where: string;
  stage: string;
  createdAt: string;
}

export interface FindingRow {
  id: number;
  itemId: number;
  element: string;
  start: number;
  end: number;
  text: string;
  score: number;
  detector: string;
  explanation: unknown;
  row: string | null;
}

/** Findings of one item, written together with the item's detection status. */
export interface ItemFindings {
  itemId: number;
  findings: {
    element: string;
    start: number;
    end: number;
    text: string;
    score: number;
    detector: string;
    explanation: unknown;
    row?: string;
  }[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  command: string;
  version: string;
  options: unknown;
  detail: unknown;
  prevHash: string;
  hash: string;
}

export interface NewSource {
  path: string;
  size: number;
  sha256: string;
  format: string;
  parentId?: number | null;
  addedBy: string;
}

export interface NewException {
  sourceId: number;
  itemId?: number | null;
  parentId?: number | null;
  provenance: string;
  reason: ExceptionReason;
  detail: string;
  where?: string;
  stage: string;
}

/** A top-level entry ready to be written: a node tree under a known parent (a folder or the source root). */
export interface EntryToWrite {
  sourceId: number;
  parentId: number | null;
  node: ItemNode;
}

export interface WriteResult {
  /** Items written (including duplicates recorded as links). */
  items: number;
  /** Top-level messages found to be duplicates of earlier ones. */
  duplicates: number;
}

export interface ReconciliationRow {
  sourceId: number;
  path: string;
  sha256: string;
  format: string;
  declared: number | null;
  /** Top-level entries stored plus top-level entries recorded as exceptions (not exceptions about the whole source). */
  read: number;
  items: number;
  exceptions: number;
}

export interface ItemCounts {
  byKind: Record<string, number>;
  byMediaType: Record<string, number>;
  duplicates: number;
}

/**
 * The case store. One contract for every database (SQLite now, PostgreSQL for big cases):
 * stage code calls these methods and never writes SQL itself. Methods are async so that a
 * networked database fits the same shape.
 */
export interface Store {
  readonly kind: "sqlite";
  close(): Promise<void>;

  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;

  appendAudit(entry: {
    actor: string;
    command: string;
    version: string;
    options: unknown;
    detail: unknown;
  }): Promise<AuditEntry>;
  listAudit(): Promise<AuditEntry[]>;

  findSourceBySha(sha256: string): Promise<SourceRow | undefined>;
  addSource(source: NewSource): Promise<SourceRow>;
  setSourceStatus(
    id: number,
    status: SourceRow["status"],
    declared?: number | null,
    format?: string,
  ): Promise<void>;
  /** Records a path where the source's content was found (idempotent). */
  addSourcePath(sourceId: number, path: string, addedBy: string): Promise<void>;
  sourcePaths(sourceId: number): Promise<string[]>;
  listSources(): Promise<SourceRow[]>;

  /** Creates a folder item (or returns the existing one with that provenance). */
  ensureFolder(folder: {
    sourceId: number;
    parentId: number | null;
    provenance: string;
    name: string;
    declared?: number;
  }): Promise<number>;
  /** Provenances of the top-level entries of a source already stored (for resume). */
  storedEntryPaths(sourceId: number): Promise<Set<string>>;
  /** The canonical message with this Message-ID and content hash, if one is stored. */
  findMessage(messageId: string, sha256: string): Promise<number | undefined>;
  /** Writes entries, each atomically with all its descendants; messages already stored become duplicate links. */
  writeEntries(entries: EntryToWrite[]): Promise<WriteResult>;
  addException(exception: NewException): Promise<void>;
  /** Containers whose declared child count exceeds the children and exceptions found under them. */
  shortfalls(
    sourceId: number,
  ): Promise<{ itemId: number; provenance: string; declared: number; read: number }[]>;

  reconciliation(): Promise<ReconciliationRow[]>;
  itemCounts(): Promise<ItemCounts>;
  exceptionCounts(): Promise<Record<string, number>>;
  items(): AsyncIterable<ItemRow>;
  exceptions(): AsyncIterable<ExceptionRow>;
  itemText(id: number): Promise<string | undefined>;

  /** Items with text that are not duplicates (what detection reads). */
  textItemCount(): Promise<number>;
  /** Items with text, not duplicates, not yet detected with this detector set: id and text length. */
  itemsToDetect(detectorSet: string): AsyncIterable<{ id: number; textLength: number }>;
  /** Stores the findings of several items and marks them detected, in one transaction. */
  writeFindings(batch: ItemFindings[], detectorSet: string): Promise<void>;
  /** Forgets all findings and detection status (for a fresh run). */
  resetDetection(): Promise<void>;
  findingCounts(): Promise<Record<string, number>>;
  findings(): AsyncIterable<FindingRow>;
}

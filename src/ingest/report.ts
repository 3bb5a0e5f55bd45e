import { ATTACHMENT_KINDS, MESSAGE_KINDS } from "../core/item.js";
import type { Store } from "../store/types.js";
import type { PipelineStats } from "./pipeline.js";

export interface SourceOutcome {
  sourceId: number;
  status: "ingested" | "resumed" | "already-ingested";
}

export interface SourceReport {
  path: string;
  sha256: string;
  format: string;
  status: SourceOutcome["status"];
  /** Items stored for this source (messages, attachments, members; not folders). */
  items: number;
  /** Top-level entries the source declares, where its format declares them. */
  declared: number | null;
  /** Top-level entries stored or recorded as exceptions. */
  read: number;
  exceptions: number;
  /** Paths where this content was found (identical files are one source). */
  locations: number;
}

/** The machine-readable result of `ingest --json`, and what the reconciliation prints. */
export interface IngestReport {
  sources: SourceReport[];
  /** Email-like items: messages, appointments, contacts, tasks, notes, embedded messages (duplicates included). */
  messages: number;
  /** Attachments and container members. */
  attachments: number;
  items: number;
  exceptions: number;
  /** Places where a message was found that duplicate a message stored once. */
  duplicates: number;
  byType: Record<string, number>;
  byMediaType: Record<string, number>;
  exceptionsByReason: Record<string, number>;
  /** Paths given on the command line that do not exist. */
  missing: string[];
  /** Files that exist but could not be read at all (so not registered), with the error. */
  unreadable: { path: string; error: string }[];
  elapsedMs: number;
  /** Bytes of content built into items during this run. */
  bytes: number;
}

/** Case-wide totals with per-source reconciliation for the sources this run touched. */
export async function buildReport(
  store: Store,
  outcomes: SourceOutcome[],
  missing: string[],
  elapsedMs: number,
  stats: PipelineStats,
): Promise<IngestReport> {
  const rows = await store.reconciliation();
  const byId = new Map(rows.map((r) => [r.sourceId, r]));
  const sources: SourceReport[] = [];
  const seen = new Set<number>();
  for (const o of outcomes) {
    const r = byId.get(o.sourceId);
    // A source met again at another path in the same run is reported once.
    if (!r || seen.has(o.sourceId)) continue;
    seen.add(o.sourceId);
    sources.push({
      path: r.path,
      sha256: r.sha256,
      format: r.format,
      status: o.status,
      items: r.items,
      declared: r.declared,
      read: r.read,
      exceptions: r.exceptions,
      locations: (await store.sourcePaths(r.sourceId)).length,
    });
  }
  const counts = await store.itemCounts();
  const exceptionsByReason = await store.exceptionCounts();
  const sum = (kinds: readonly string[]) => kinds.reduce((n, k) => n + (counts.byKind[k] ?? 0), 0);
  return {
    sources,
    messages: sum(MESSAGE_KINDS),
    attachments: sum(ATTACHMENT_KINDS),
    items: Object.values(counts.byKind).reduce((a, b) => a + b, 0),
    exceptions: Object.values(exceptionsByReason).reduce((a, b) => a + b, 0),
    duplicates: counts.duplicates,
    byType: counts.byKind,
    byMediaType: counts.byMediaType,
    exceptionsByReason,
    missing,
    unreadable: [],
    elapsedMs,
    bytes: stats.bytes,
  };
}

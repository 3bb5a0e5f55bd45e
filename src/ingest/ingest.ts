import { createWriteStream } from "node:fs";
import { readdir, readFile, rm, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { pipeline as streamPipeline } from "node:stream/promises";
import { audit, type OpenCase } from "../case/case.js";
import { digestFile, type FileDigest, registerSource } from "../case/evidence.js";
import { describeError, type ExceptionReason } from "../core/exception.js";
import type { ItemNode } from "../core/item.js";
import { DEFAULT_LIMITS, type Limits } from "../core/limits.js";
import { joinPath, type Segment, seg } from "../core/provenance.js";
import { defaultThreads, inProcessRunner, type TaskRunner, workerPool } from "../jobs/worker-pool.js";
import type { SourceRow } from "../store/types.js";
import { messageContentHash } from "./content-hash.js";
import { type EntryJob, runEntryJob } from "./entry-job.js";
import { shutdownOcr } from "./extract/ocr/index.js";
import { openZip, type ZipEntryInfo, type ZipHandle, ZipReadError } from "./extract/zip/index.js";
import { EntryPipeline, type PipelineStats } from "./pipeline.js";
import { readerFor } from "./readers.js";
import { buildReport, type IngestReport, type SourceOutcome } from "./report.js";
import { type SourceFormat, sourceFormat } from "./source-format.js";
import type { SourceReader } from "./sources/types.js";
import { loadToolkit } from "./toolkit.js";

export interface IngestOptions {
  paths: string[];
  /** Worker threads; 1 runs everything on the main thread. Default: one per core. */
  jobs?: number;
  ocr?: boolean;
  limits?: Partial<Limits>;
  /** Longest time one top-level entry (a message with all its attachments) may take. */
  entryTimeoutMs?: number;
  onProgress?: (p: IngestProgress) => void;
  /** Options as the user gave them, for the audit log. */
  auditOptions?: unknown;
}

export interface IngestProgress {
  phase: "hashing" | "reading" | "done";
  sourcesDone: number;
  sourcesTotal: number;
  currentSource?: string;
  items: number;
  /** Bytes of content built into items so far. */
  bytes: number;
  /** Overall fraction of source bytes read, 0..1. */
  fraction: number;
  elapsedMs: number;
}

/** Members of an archive that are mailboxes are expanded to disk and read as sources of their own. */
const MAILBOX_EXTENSIONS = new Set([".pst", ".ost", ".mbox", ".mbx"]);

interface RunState {
  c: OpenCase;
  limits: Limits;
  ocr: boolean;
  pipeline: EntryPipeline;
  outcomes: SourceOutcome[];
  /** Sources taken up in this run. */
  seen: Set<number>;
  totalBytes: number;
  doneBytes: number;
  sourcesDone: number;
  sourcesTotal: number;
  started: number;
  progress: (p: Partial<IngestProgress>) => void;
}

async function listFiles(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) files.push(p);
    }
  }
  for (const raw of paths) {
    const p = resolve(raw);
    try {
      const s = await stat(p);
      if (s.isDirectory()) await walk(p);
      else files.push(p);
    } catch {
      missing.push(raw);
    }
  }
  return { files, missing };
}

/**
 * Ingests evidence files into the case: registers each (path, size, SHA-256), reads every
 * message and attachment into items, records exceptions for whatever cannot be read, and
 * resumes an interrupted run where it stopped.
 */
export async function ingest(c: OpenCase, options: IngestOptions): Promise<IngestReport> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const ocr = options.ocr ?? true;
  const threads = options.jobs ?? defaultThreads();
  const started = Date.now();
  await audit(c, "ingest:start", options.auditOptions ?? { paths: options.paths, jobs: threads, ocr });

  const { files, missing } = await listFiles(options.paths);
  const unreadable: { path: string; error: string }[] = [];
  const runner: TaskRunner<EntryJob, ItemNode> =
    threads <= 1
      ? inProcessRunner(async (job: EntryJob) => runEntryJob(job, await loadToolkit()), shutdownOcr)
      : workerPool<EntryJob, ItemNode>(workerUrl(), threads);

  const state: RunState = {
    c,
    limits,
    ocr,
    pipeline: undefined as unknown as EntryPipeline,
    outcomes: [],
    seen: new Set(),
    totalBytes: 0,
    doneBytes: 0,
    sourcesDone: 0,
    sourcesTotal: files.length,
    started,
    progress: () => {},
  };
  let lastProgress = 0;
  state.progress = (p) => {
    const t = Date.now();
    if (p.phase !== "done" && t - lastProgress < 250) return;
    lastProgress = t;
    options.onProgress?.({
      phase: "reading",
      sourcesDone: state.sourcesDone,
      sourcesTotal: state.sourcesTotal,
      items: state.pipeline.stats.items,
      bytes: state.pipeline.stats.bytes,
      fraction: state.totalBytes > 0 ? Math.min(1, state.doneBytes / state.totalBytes) : 0,
      elapsedMs: t - started,
      ...p,
    });
  };
  state.pipeline = new EntryPipeline(
    c.store,
    runner,
    {
      maxInFlight: Math.max(4, runner.threads * 8),
      maxInFlightBytes: 64 * 1024 * 1024,
      batchSize: 200,
      timeoutMs: options.entryTimeoutMs ?? 10 * 60_000,
    },
    () => state.progress({}),
  );

  try {
    for (const f of files) state.totalBytes += (await stat(f)).size;
    // Hash a few files ahead, so that small files (a folder of EMLs) do not wait on disk one by one.
    const ahead = new Map<number, Promise<FileDigest>>();
    for (let i = 0; i < files.length; i++) {
      for (let j = i; j < Math.min(files.length, i + 8); j++) {
        if (ahead.has(j)) continue;
        const digest = digestFile(files[j]!);
        // Awaited in turn below; this only keeps an early failure from counting as unhandled.
        digest.catch(() => {});
        ahead.set(j, digest);
      }
      const digest = ahead.get(i)!;
      ahead.delete(i);
      try {
        await digest;
      } catch (err) {
        // Not registered (it has no hash) but not forgotten: reported and audited by path.
        unreadable.push({ path: files[i]!, error: describeError(err) });
        state.sourcesDone++;
        continue;
      }
      await ingestFile(state, files[i]!, files[i]!, null, 0, digest);
      state.sourcesDone++;
    }
    await state.pipeline.drain();
  } finally {
    await runner.destroy();
    await rm(c.workDir, { recursive: true, force: true });
  }
  const report = await buildReport(
    c.store,
    state.outcomes,
    missing,
    Date.now() - started,
    state.pipeline.stats,
  );
  report.unreadable = unreadable;
  state.progress({ phase: "done", fraction: 1 });
  await audit(
    c,
    "ingest:end",
    { paths: options.paths },
    {
      sources: report.sources.map((s) => ({ path: s.path, sha256: s.sha256, status: s.status })),
      items: report.items,
      exceptions: report.exceptions,
      missing,
      unreadable: report.unreadable.map((u) => u.path),
    },
  );
  return report;
}

function workerUrl(): URL {
  const self = new URL(import.meta.url);
  return new URL(self.pathname.endsWith(".ts") ? "./worker.ts" : "./worker.js", self);
}

/** Registers one file and reads it, unless the same content was fully ingested before. */
async function ingestFile(
  s: RunState,
  file: string,
  displayPath: string,
  parentSourceId: number | null,
  depth: number,
  prehashed?: Promise<FileDigest>,
): Promise<SourceRow> {
  s.progress({ phase: "hashing", currentSource: displayPath });
  const digest = await (prehashed ?? digestFile(file));
  const format = sourceFormat(file);
  const { source, isNew } = await registerSource(s.c.store, displayPath, digest, format, parentSourceId);
  // Done before, or already taken up in this run under another path (identical content).
  if (!isNew && (source.status === "done" || s.seen.has(source.id))) {
    s.outcomes.push({ sourceId: source.id, status: "already-ingested" });
    s.doneBytes += parentSourceId === null ? digest.size : 0;
    return source;
  }
  s.seen.add(source.id);
  const status = isNew ? "ingested" : "resumed";
  await s.c.store.setSourceStatus(source.id, "ingesting");
  s.progress({ phase: "reading", currentSource: displayPath });
  const root = seg.source(`${source.id}:${basename(displayPath)}`);
  const base = s.doneBytes;
  const onFraction = (f: number) => {
    if (parentSourceId === null) s.doneBytes = base + Math.min(1, Math.max(0, f)) * digest.size;
    s.progress({});
  };
  let declared: number | undefined;
  let detail = format as string;
  try {
    const r = await readSource(s, source, file, format, root, depth, onFraction);
    declared = r.declared;
    detail = r.format ?? format;
  } catch (err) {
    await s.c.store.addException({
      sourceId: source.id,
      provenance: root,
      reason: "corrupt",
      detail: `source could not be read to the end: ${describeError(err)}`,
      stage: "source",
    });
  }
  // Closing the source waits in the write queue behind its own entries, not here: the next
  // source is read (and its entries built) meanwhile.
  s.outcomes.push({ sourceId: source.id, status });
  await s.pipeline.enqueueBarrier(async () => {
    for (const sf of await s.c.store.shortfalls(source.id)) {
      await s.c.store.addException({
        sourceId: source.id,
        itemId: sf.itemId,
        provenance: sf.provenance,
        reason: "declared-not-read",
        detail: `${sf.declared} declared, ${sf.read} read or recorded`,
        stage: "reconcile",
      });
    }
    await s.c.store.setSourceStatus(source.id, "done", declared ?? null, detail);
  });
  if (parentSourceId === null) s.doneBytes = base + digest.size;
  return source;
}

async function readSource(
  s: RunState,
  source: SourceRow,
  file: string,
  format: SourceFormat,
  root: Segment,
  depth: number,
  onFraction: (f: number) => void,
): Promise<{ declared?: number; format?: string }> {
  if (format === "zip") return readArchive(s, source, file, root, depth);
  if (format === "file") {
    const size = (await stat(file)).size;
    if (size > s.limits.maxItemBytes) {
      await s.c.store.addException({
        sourceId: source.id,
        provenance: root,
        reason: "size-limit",
        detail: `${size} bytes exceeds the ${s.limits.maxItemBytes}-byte limit`,
        stage: "ingest",
      });
      return { declared: 1 };
    }
    const done = await s.c.store.storedEntryPaths(source.id);
    if (!done.has(root)) {
      const bytes = await readFile(file);
      const job: EntryJob = {
        type: "file",
        provenance: root,
        name: basename(file),
        bytes,
        limits: s.limits,
        ocr: s.ocr,
      };
      await s.pipeline.submit(source.id, null, job, bytes.byteLength);
    }
    return { declared: 1 };
  }
  return readMailbox(s, source, file, readerFor(format), root, onFraction);
}

/** Streams a mailbox source through its reader into the pipeline. */
async function readMailbox(
  s: RunState,
  source: SourceRow,
  file: string,
  reader: SourceReader,
  root: Segment,
  onFraction: (f: number) => void,
): Promise<{ declared?: number; format?: string }> {
  const store = s.c.store;
  const done = await store.storedEntryPaths(source.id);
  const folders = new Map<string, number>();
  const prov = (path: Segment[]) => joinPath([root, ...path]);
  const parentOf = (path: Segment[]) => folders.get(prov(path.slice(0, -1))) ?? null;
  const gen = reader.read(file, {
    limits: s.limits,
    isDone: (path) => done.has(prov(path)),
    onProgress: onFraction,
    // MIME parsing then happens on the worker threads, in parallel, instead of on this one.
    deferParsing: true,
  });
  for (;;) {
    const r = await gen.next();
    if (r.done) return r.value;
    const ev = r.value;
    const provenance = prov(ev.path);
    switch (ev.type) {
      case "folder": {
        const id = await store.ensureFolder({
          sourceId: source.id,
          parentId: parentOf(ev.path),
          provenance,
          name: ev.name,
          ...(ev.declared !== undefined ? { declared: ev.declared } : {}),
        });
        folders.set(provenance, id);
        for (const x of ev.exceptions ?? []) {
          await store.addException({ sourceId: source.id, itemId: id, provenance, ...x, stage: "ingest" });
        }
        break;
      }
      case "message": {
        if (done.has(provenance)) break;
        const parentId = parentOf(ev.path);
        const m = ev.message;
        if (m.headers.messageId) {
          const sha = messageContentHash(m);
          const canonical = await store.findMessage(m.headers.messageId, sha);
          if (canonical !== undefined) {
            // A copy of a message already stored: record where it was found, do not process it again.
            await s.pipeline.enqueueNode({
              sourceId: source.id,
              parentId,
              node: duplicateNode(provenance, m.kind, sha, m.headers),
            });
            break;
          }
        }
        const job: EntryJob = {
          type: "message",
          provenance,
          kind: m.kind,
          message: m,
          limits: s.limits,
          ocr: s.ocr,
        };
        await s.pipeline.submit(source.id, parentId, job, approximateSize(m));
        break;
      }
      case "raw-message": {
        if (done.has(provenance)) break;
        const job: EntryJob = {
          type: "raw-message",
          provenance,
          bytes: ev.bytes,
          limits: s.limits,
          ocr: s.ocr,
        };
        await s.pipeline.submit(source.id, parentOf(ev.path), job, ev.bytes.byteLength);
        break;
      }
      case "file": {
        if (done.has(provenance)) break;
        const job: EntryJob = {
          type: "file",
          provenance,
          name: ev.name,
          bytes: ev.bytes,
          limits: s.limits,
          ocr: s.ocr,
        };
        await s.pipeline.submit(source.id, parentOf(ev.path), job, ev.bytes.byteLength);
        break;
      }
      case "exception": {
        await store.addException({
          sourceId: source.id,
          parentId: parentOf(ev.path),
          provenance,
          ...ev.exception,
          // An exception at the root is about the whole source (e.g. an unreadable header).
          stage: ev.path.length === 0 ? "source" : "ingest",
        });
        break;
      }
    }
  }
}

function approximateSize(m: import("../core/mail.js").MailMessage): number {
  let n = (m.bodyText?.length ?? 0) + (m.bodyHtml?.length ?? 0) + (m.bodyRtf?.length ?? 0);
  for (const a of m.attachments) n += a.bytes?.byteLength ?? (a.message ? approximateSize(a.message) : 0);
  return n;
}

function duplicateNode(
  provenance: string,
  kind: ItemNode["kind"],
  sha256: string,
  headers: import("../core/mail.js").MailHeaders,
): ItemNode {
  return {
    provenance,
    kind,
    mediaType: "message/rfc822",
    size: 0,
    sha256,
    text: "",
    headers,
    exceptions: [],
    unreadable: [],
    children: [],
  };
}

/**
 * An archive given as evidence: each member becomes an item of the archive's source, and
 * members that are mailboxes (PST, OST, MBOX) are written to the case's scratch space and
 * read as sources of their own, linked to the archive.
 */
async function readArchive(
  s: RunState,
  source: SourceRow,
  file: string,
  root: Segment,
  depth: number,
): Promise<{ declared?: number; format?: string }> {
  const store = s.c.store;
  const done = await store.storedEntryPaths(source.id);
  const zip = await openZip(file, s.limits);
  try {
    for (const x of zip.exceptions) {
      // About the archive as a whole, not one of its entries: not counted as an entry read.
      await store.addException({ sourceId: source.id, provenance: root, ...x, stage: "source" });
    }
    const used = new Map<string, number>();
    for (const entry of zip.entries) {
      const seen = used.get(entry.name) ?? 0;
      used.set(entry.name, seen + 1);
      const provenance = joinPath([root, seg.entry(seen === 0 ? entry.name : `${entry.name}#${seen + 1}`)]);
      if (done.has(provenance)) continue;
      if (entry.exception) {
        await store.addException({ sourceId: source.id, provenance, ...entry.exception, stage: "ingest" });
        continue;
      }
      try {
        if (MAILBOX_EXTENSIONS.has(extname(entry.name).toLowerCase()) && depth + 1 <= s.limits.maxDepth) {
          await readArchivedMailbox(s, source, zip, entry, provenance, depth);
          continue;
        }
        const bytes = await zip.readEntry(entry);
        const job: EntryJob = {
          type: "file",
          provenance,
          name: entry.name,
          bytes,
          limits: s.limits,
          ocr: s.ocr,
        };
        await s.pipeline.submit(source.id, null, job, bytes.byteLength);
      } catch (err) {
        await store.addException({
          sourceId: source.id,
          provenance,
          reason: reasonOf(err),
          detail: `archive member could not be read: ${describeError(err)}`,
          stage: "ingest",
        });
      }
    }
    return { declared: zip.declared, format: "zip" };
  } finally {
    await zip.close();
  }
}

function reasonOf(err: unknown): ExceptionReason {
  return err instanceof ZipReadError ? err.reason : "read-error";
}

async function readArchivedMailbox(
  s: RunState,
  archive: SourceRow,
  zip: ZipHandle,
  entry: ZipEntryInfo,
  provenance: string,
  depth: number,
): Promise<void> {
  const tmp = join(s.c.workDir, `spill-${archive.id}-${Date.now()}${extname(entry.name)}`);
  try {
    await streamPipeline(await zip.streamEntry(entry), createWriteStream(tmp));
    const child = await ingestFile(s, tmp, `${archive.path}!/${entry.name}`, archive.id, depth + 1);
    const digest = await digestFile(tmp);
    // The member itself is an item of the archive, pointing at the source it was read as.
    await s.pipeline.enqueueNode({
      sourceId: archive.id,
      parentId: null,
      node: {
        provenance,
        kind: "member",
        name: entry.name,
        mediaType: "application/x-mailbox",
        size: digest.size,
        sha256: digest.sha256,
        text: "",
        meta: { expandedAsSource: child.id },
        exceptions: [],
        unreadable: [],
        children: [],
      },
    });
  } finally {
    await rm(tmp, { force: true });
  }
}

export type { IngestReport, PipelineStats };

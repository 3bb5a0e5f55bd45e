import { describeError, type ExceptionReason } from "../core/exception.js";
import type { ItemNode } from "../core/item.js";
import type { TaskRunner } from "../jobs/worker-pool.js";
import type { EntryToWrite, Store } from "../store/types.js";
import type { EntryJob } from "./entry-job.js";

export interface PipelineOptions {
  /** Entries being built at once (keeps every worker busy without unbounded buffering). */
  maxInFlight: number;
  /** Bytes of entries being built at once; one entry is always allowed whatever its size. */
  maxInFlightBytes: number;
  /** Entries per write transaction. */
  batchSize: number;
  /** Time one entry may take before its worker is stopped. */
  timeoutMs: number;
}

export interface PipelineStats {
  entries: number;
  items: number;
  duplicates: number;
  bytes: number;
  failed: number;
}

interface Pending {
  sourceId: number;
  parentId: number | null;
  job: EntryJob;
  size: number;
}

function countNodes(n: ItemNode): number {
  let c = 1;
  for (const k of n.children) c += countNodes(k);
  return c;
}

/**
 * Sends entries to the worker pool with bounded concurrency and memory, and writes finished
 * item trees to the store in batched transactions. A failed or timed-out entry is retried once
 * without OCR, then recorded as an exception at its provenance: it is never silently lost.
 */
export class EntryPipeline {
  readonly stats: PipelineStats = { entries: 0, items: 0, duplicates: 0, bytes: 0, failed: 0 };
  private inFlight = 0;
  private inFlightBytes = 0;
  private readonly waiters: (() => void)[] = [];
  private readonly running = new Set<Promise<void>>();
  private buffer: EntryToWrite[] = [];
  private writing: Promise<void> = Promise.resolve();
  private writeError: unknown;

  constructor(
    private readonly store: Store,
    private readonly runner: TaskRunner<EntryJob, ItemNode>,
    private readonly options: PipelineOptions,
    private readonly onWritten?: (stats: PipelineStats) => void,
  ) {}

  /** Queues an entry; resolves once there is room for it (backpressure for the reader). */
  async submit(sourceId: number, parentId: number | null, job: EntryJob, size: number): Promise<void> {
    this.throwIfWriteFailed();
    while (
      this.inFlight >= this.options.maxInFlight ||
      (this.inFlight > 0 && this.inFlightBytes + size > this.options.maxInFlightBytes)
    ) {
      await new Promise<void>((res) => this.waiters.push(res));
    }
    this.inFlight++;
    this.inFlightBytes += size;
    const p = this.process({ sourceId, parentId, job, size }).finally(() => {
      this.inFlight--;
      this.inFlightBytes -= size;
      this.running.delete(p);
      this.waiters.shift()?.();
    });
    this.running.add(p);
  }

  /** Writes an already-built node (e.g. a duplicate link) through the same ordered batches. */
  enqueueNode(entry: EntryToWrite): void {
    this.buffer.push(entry);
    if (this.buffer.length >= this.options.batchSize) this.flush();
  }

  private async process(p: Pending): Promise<void> {
    let node: ItemNode | undefined;
    let failure: { reason: ExceptionReason; detail: string } | undefined;
    try {
      node = await this.runner.run(p.job, AbortSignal.timeout(this.options.timeoutMs));
    } catch (err) {
      failure = classify(err, this.options.timeoutMs);
      if (p.job.ocr) {
        // OCR is the usual culprit for slow or crashing entries: try once more without it.
        try {
          node = await this.runner.run({ ...p.job, ocr: false }, AbortSignal.timeout(this.options.timeoutMs));
          node.exceptions.push({
            reason: failure.reason,
            detail: `${failure.detail}; the entry was read again without OCR`,
          });
        } catch (err2) {
          failure = classify(err2, this.options.timeoutMs);
        }
      }
    }
    this.stats.bytes += p.size;
    if (!node) {
      this.stats.failed++;
      const f = failure ?? { reason: "extract-failed" as const, detail: "unknown failure" };
      this.writing = this.writing.then(() =>
        this.store.addException({
          sourceId: p.sourceId,
          parentId: p.parentId,
          provenance: p.job.provenance,
          reason: f.reason,
          detail: f.detail,
          stage: "ingest",
        }),
      );
      return;
    }
    this.enqueueNode({ sourceId: p.sourceId, parentId: p.parentId, node });
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.writing = this.writing.then(async () => {
      try {
        const r = await this.store.writeEntries(batch);
        this.stats.entries += batch.length;
        this.stats.items += r.items;
        this.stats.duplicates += r.duplicates;
        this.onWritten?.(this.stats);
      } catch (err) {
        this.writeError = err;
      }
    });
  }

  private throwIfWriteFailed(): void {
    if (this.writeError) throw this.writeError;
  }

  /** Waits for every queued entry to be built and written. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
    this.flush();
    await this.writing;
    this.throwIfWriteFailed();
  }
}

function classify(err: unknown, timeoutMs: number): { reason: ExceptionReason; detail: string } {
  const name = err instanceof Error ? err.name : "";
  if (name === "AbortError" || name === "TimeoutError") {
    return { reason: "timeout", detail: `processing took longer than ${Math.round(timeoutMs / 1000)} s` };
  }
  return { reason: "extract-failed", detail: `worker failed: ${describeError(err)}` };
}

export { countNodes };

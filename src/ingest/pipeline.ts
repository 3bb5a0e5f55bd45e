import { describeError, type ExceptionReason } from "../core/exception.js";
import type { ItemNode } from "../core/item.js";
import type { TaskRunner } from "../jobs/worker-pool.js";
import type { EntryToWrite, NewException, Store } from "../store/types.js";
import type { EntryJob } from "./entry-job.js";

export interface PipelineOptions {
  /** Entries between submission and write at once (keeps every worker busy without unbounded buffering). */
  maxInFlight: number;
  /** Bytes of those entries; one entry is always allowed whatever its size. */
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

/** What one submitted entry turns into: an item tree to write, or an exception in its place. */
type Outcome =
  | { entry: EntryToWrite }
  | { exception: NewException }
  /** Runs once everything queued before it is written (e.g. closing a source). */
  | { barrier: () => Promise<void> };

interface Slot {
  size: number;
  outcome?: Outcome;
}

/**
 * Sends entries to the worker pool with bounded concurrency and memory, and writes the results
 * to the store in batched transactions **in submission order**, so that which copy of a
 * duplicated message counts as the original does not depend on thread timing, and a resumed
 * run decides exactly as an uninterrupted one. A failed or timed-out entry is retried once
 * without OCR, then recorded as an exception at its provenance: it is never silently lost.
 */
export class EntryPipeline {
  readonly stats: PipelineStats = { entries: 0, items: 0, duplicates: 0, bytes: 0, failed: 0 };
  private nextSeq = 0;
  private writeSeq = 0;
  private readonly slots = new Map<number, Slot>();
  private inFlightBytes = 0;
  private readonly waiters: (() => void)[] = [];
  private readonly running = new Set<Promise<void>>();
  private buffer: Outcome[] = [];
  private writing: Promise<void> = Promise.resolve();
  private writeError: unknown;

  constructor(
    private readonly store: Store,
    private readonly runner: TaskRunner<EntryJob, ItemNode>,
    private readonly options: PipelineOptions,
    private readonly onWritten?: (stats: PipelineStats) => void,
  ) {}

  /** Queues an entry for building; resolves once there is room for it (backpressure for the reader). */
  async submit(sourceId: number, parentId: number | null, job: EntryJob, size: number): Promise<void> {
    const seq = await this.reserve(size);
    const p = this.build(sourceId, parentId, job)
      .then((outcome) => this.complete(seq, outcome, size))
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }

  /** Queues an already-built node (a duplicate link, an expanded archive member) in order with the rest. */
  async enqueueNode(entry: EntryToWrite): Promise<void> {
    const seq = await this.reserve(0);
    this.complete(seq, { entry }, 0);
  }

  /** Queues an exception that takes an entry's place, in order with the rest. */
  async enqueueException(exception: NewException): Promise<void> {
    const seq = await this.reserve(0);
    this.complete(seq, { exception }, 0);
  }

  private async reserve(size: number): Promise<number> {
    this.throwIfWriteFailed();
    while (
      this.slots.size >= this.options.maxInFlight ||
      (this.slots.size > 0 && this.inFlightBytes + size > this.options.maxInFlightBytes)
    ) {
      await new Promise<void>((res) => this.waiters.push(res));
    }
    const seq = this.nextSeq++;
    this.slots.set(seq, { size });
    this.inFlightBytes += size;
    return seq;
  }

  private complete(seq: number, outcome: Outcome, size: number): void {
    const slot = this.slots.get(seq);
    if (!slot) return;
    slot.outcome = outcome;
    this.stats.bytes += size;
    // Move every finished entry at the head of the queue to the write buffer.
    for (;;) {
      const head = this.slots.get(this.writeSeq);
      if (!head?.outcome) break;
      this.buffer.push(head.outcome);
      this.slots.delete(this.writeSeq);
      this.inFlightBytes -= head.size;
      this.writeSeq++;
      this.waiters.shift()?.();
    }
    if (this.buffer.length >= this.options.batchSize) this.flush();
  }

  private async build(sourceId: number, parentId: number | null, job: EntryJob): Promise<Outcome> {
    let failure: { reason: ExceptionReason; detail: string };
    try {
      return {
        entry: {
          sourceId,
          parentId,
          node: await this.runner.run(job, AbortSignal.timeout(this.options.timeoutMs)),
        },
      };
    } catch (err) {
      failure = classify(err, this.options.timeoutMs);
    }
    if (job.ocr) {
      // OCR is the usual culprit for slow or crashing entries: try once more without it.
      try {
        const node = await this.runner.run(
          { ...job, ocr: false },
          AbortSignal.timeout(this.options.timeoutMs),
        );
        node.exceptions.push({ reason: failure.reason, detail: `${failure.detail}; read again without OCR` });
        return { entry: { sourceId, parentId, node } };
      } catch (err) {
        failure = classify(err, this.options.timeoutMs);
      }
    }
    this.stats.failed++;
    return {
      exception: { sourceId, parentId, provenance: job.provenance, ...failure, stage: "ingest" },
    };
  }

  /**
   * Queues `fn` to run after every entry queued so far is written: a source is marked done
   * only once all of its entries are stored, while the next source is already being read.
   */
  async enqueueBarrier(fn: () => Promise<void>): Promise<void> {
    const seq = await this.reserve(0);
    this.complete(seq, { barrier: fn }, 0);
    // Barriers are rare and waiting behind one delays nothing: write promptly.
    this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.writing = this.writing.then(async () => {
      try {
        let entries: EntryToWrite[] = [];
        let exceptions: NewException[] = [];
        const write = async () => {
          const r = await this.store.writeEntries(entries);
          for (const x of exceptions) await this.store.addException(x);
          this.stats.entries += entries.length + exceptions.length;
          this.stats.items += r.items;
          this.stats.duplicates += r.duplicates;
          entries = [];
          exceptions = [];
        };
        for (const o of batch) {
          if ("entry" in o) entries.push(o.entry);
          else if ("exception" in o) exceptions.push(o.exception);
          else {
            await write();
            await o.barrier();
          }
        }
        await write();
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

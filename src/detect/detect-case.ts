import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { audit, type OpenCase } from "../case/case.js";
import { defaultThreads, inProcessRunner, type TaskRunner, workerPool } from "../jobs/worker-pool.js";
import type { ItemFindings } from "../store/types.js";
import { type DetectBatch, runDetectBatch } from "./detect-batch.js";
import { BUILTIN_DETECTORS } from "./registry.js";

export interface DetectCaseOptions {
  jobs?: number;
  minScore?: number;
  detectors?: string[];
  customFile?: string;
  /** Forget earlier findings and detect every item again. */
  force?: boolean;
  onProgress?: (p: {
    items: number;
    total: number;
    chars: number;
    findings: number;
    elapsedMs: number;
  }) => void;
}

export interface DetectCaseReport {
  /** Items detected in this run. */
  items: number;
  /** Items already detected with the same detector set (a resumed run skips them). */
  alreadyDetected: number;
  findings: number;
  /** Findings in the whole case, by element. */
  byElement: Record<string, number>;
  chars: number;
  elapsedMs: number;
  detectorSet: string;
}

/** Text per batch sent to a worker: large enough to amortise the hand-over, small enough to spread. */
const BATCH_CHARS = 512 * 1024;
const BATCH_ITEMS = 64;

/**
 * Identifies what a detection run means — detector ids and versions, options, custom file
 * content — so a resumed run continues only when it would decide the same way.
 */
async function detectorSet(options: DetectCaseOptions): Promise<string> {
  const ids = BUILTIN_DETECTORS.map((d) => `${d.meta.id}@${d.meta.version}`).sort();
  const custom = options.customFile ? await readFile(options.customFile) : undefined;
  return createHash("sha256")
    .update(JSON.stringify([ids, options.detectors ?? null, options.minScore ?? 0]))
    .update(custom ?? "")
    .digest("hex")
    .slice(0, 16);
}

function workerUrl(): URL {
  const self = new URL(import.meta.url);
  return new URL(self.pathname.endsWith(".ts") ? "./detect-worker.ts" : "./detect-worker.js", self);
}

/**
 * Runs the detectors over every item's text in the case, in parallel, storing findings with
 * their provenance (the item) and explanation. Resumable: each batch of items is written with
 * its "detected" marks in one transaction, and a later run skips what is marked.
 */
export async function detectCase(c: OpenCase, options: DetectCaseOptions = {}): Promise<DetectCaseReport> {
  const started = Date.now();
  const threads = options.jobs ?? defaultThreads();
  const set = await detectorSet(options);
  const customFile = options.customFile ? resolve(options.customFile) : undefined;
  await audit(c, "detect:start", { ...options, onProgress: undefined, detectorSet: set });
  if (options.force) await c.store.resetDetection();

  const pending: { id: number; textLength: number }[] = [];
  for await (const it of c.store.itemsToDetect(set)) pending.push(it);
  const runner: TaskRunner<DetectBatch, ItemFindings[]> =
    threads <= 1 ? inProcessRunner(runDetectBatch) : workerPool(workerUrl(), threads);

  let items = 0;
  let chars = 0;
  let findings = 0;
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  const send = async (batch: DetectBatch) => {
    const p = runner
      .run(batch)
      .then(async (result) => {
        await c.store.writeFindings(result, set);
        items += result.length;
        for (const r of result) findings += r.findings.length;
        options.onProgress?.({
          items,
          total: pending.length,
          chars,
          findings,
          elapsedMs: Date.now() - started,
        });
      })
      .catch((err: unknown) => {
        failure ??= err;
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= threads * 2) await Promise.race(inFlight);
  };

  try {
    let batch: DetectBatch = { items: [] };
    let batchChars = 0;
    const fresh = (): DetectBatch => ({
      items: [],
      ...(options.minScore !== undefined ? { minScore: options.minScore } : {}),
      ...(options.detectors ? { detectors: options.detectors } : {}),
      ...(customFile ? { customFile } : {}),
    });
    batch = fresh();
    for (const it of pending) {
      if (failure) break;
      const text = await c.store.itemText(it.id);
      if (text === undefined) continue;
      batch.items.push({ itemId: it.id, text });
      batchChars += text.length;
      chars += text.length;
      if (batchChars >= BATCH_CHARS || batch.items.length >= BATCH_ITEMS) {
        await send(batch);
        batch = fresh();
        batchChars = 0;
      }
    }
    if (batch.items.length > 0 && !failure) await send(batch);
    await Promise.all(inFlight);
  } finally {
    await runner.destroy();
  }
  if (failure) throw failure;

  const report: DetectCaseReport = {
    items,
    alreadyDetected: (await c.store.textItemCount()) - pending.length,
    findings,
    byElement: await c.store.findingCounts(),
    chars,
    elapsedMs: Date.now() - started,
    detectorSet: set,
  };
  await audit(c, "detect:end", { detectorSet: set }, { items, findings, byElement: report.byElement });
  return report;
}

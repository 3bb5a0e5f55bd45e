import type { ItemFindings } from "../store/types.js";
import { type CustomConfig, loadCustomConfigFile } from "./custom.js";
import type { DetectOptions } from "./registry.js";
import { detectText } from "./text.js";

/** A batch of item texts sent to a detection worker. */
export interface DetectBatch {
  items: { itemId: number; text: string }[];
  minScore?: number;
  detectors?: string[];
  /** A custom detector file: loaded by each worker (functions cannot cross threads). */
  customFile?: string;
}

const customByPath = new Map<string, Promise<CustomConfig>>();

/** Runs the detectors over each text of the batch. The same code runs in workers and in-process. */
export async function runDetectBatch(batch: DetectBatch): Promise<ItemFindings[]> {
  const options: DetectOptions = {};
  if (batch.minScore !== undefined) options.minScore = batch.minScore;
  if (batch.detectors) options.detectors = batch.detectors;
  if (batch.customFile) {
    let config = customByPath.get(batch.customFile);
    if (!config) {
      config = loadCustomConfigFile(batch.customFile);
      customByPath.set(batch.customFile, config);
    }
    const c = await config;
    options.custom = c.detectors;
    options.deny = c.deny;
  }
  return batch.items.map(({ itemId, text }) => ({
    itemId,
    findings: detectText(text, options).map((f) => ({
      element: f.element,
      start: f.start,
      end: f.end,
      text: f.text,
      score: f.score,
      detector: f.detector,
      explanation: f.explanation,
      ...(f.row !== undefined ? { row: f.row } : {}),
    })),
  }));
}

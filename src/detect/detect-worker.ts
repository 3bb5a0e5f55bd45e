import type { ItemFindings } from "../store/types.js";
import { type DetectBatch, runDetectBatch } from "./detect-batch.js";

/** Worker-thread entry for `breachscope detect` over a case. */
export default function detectWorker(batch: DetectBatch): Promise<ItemFindings[]> {
  return runDetectBatch(batch);
}

import { Transform, type TransformCallback } from "node:stream";
import { ZipReadError } from "./zip-read-error.js";

/** Bytes inflated so far across one archive, shared by all of its members. */
export interface ArchiveBudget {
  used: number;
  max: number;
}

export interface GuardOptions {
  /** Member name, for messages only (no content). */
  where: string;
  maxBytes: number;
  /** Compressed bytes handed to the inflater so far (at least what it has consumed). */
  compressedSoFar: () => number;
  maxRatio: number;
  budget: ArchiveBudget;
  /** What the archive claims the member inflates to; checked at the end, never trusted for limits. */
  declaredSize?: number;
}

/** Below this much output a high ratio is normal (tiny text files compress very well). */
const RATIO_FLOOR_BYTES = 1024 * 1024;

/**
 * Counts inflated bytes as they flow and fails the stream the moment a member breaks a
 * limit: its own size, the archive's total, or its compression ratio. Header sizes are never
 * trusted, so a member that lies about its size is still stopped after at most one chunk.
 */
export function createInflateGuard(options: GuardOptions): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      seen += chunk.length;
      options.budget.used += chunk.length;
      if (seen > options.maxBytes) {
        done(
          new ZipReadError("size-limit", `${options.where} inflates past the ${options.maxBytes} byte limit`),
        );
        return;
      }
      if (options.budget.used > options.budget.max) {
        done(
          new ZipReadError(
            "size-limit",
            `archive inflates past the ${options.budget.max} byte total limit at ${options.where}`,
          ),
        );
        return;
      }
      if (seen > RATIO_FLOOR_BYTES && seen / Math.max(1, options.compressedSoFar()) > options.maxRatio) {
        done(
          new ZipReadError(
            "ratio-limit",
            `${options.where} inflates more than ${options.maxRatio} times its compressed size (${seen} bytes out)`,
          ),
        );
        return;
      }
      done(null, chunk);
    },
    flush(done: TransformCallback) {
      if (options.declaredSize !== undefined && seen < options.declaredSize) {
        done(
          new ZipReadError(
            "truncated",
            `${options.where} gave ${seen} of ${options.declaredSize} declared bytes`,
          ),
        );
        return;
      }
      done();
    },
  });
}

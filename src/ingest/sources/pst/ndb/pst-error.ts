import type { ExceptionInput, ExceptionReason } from "../../../../core/exception.js";
import { describeError } from "../../../../core/exception.js";

/**
 * A structural problem in the file. `detail` names the structure and its position (NID, BID,
 * file offset), never the content, so it can go straight into an exception row.
 */
export class PstError extends Error {
  override readonly name = "PstError";
  constructor(
    readonly reason: ExceptionReason,
    detail: string,
  ) {
    super(detail);
  }
}

export function corrupt(detail: string): PstError {
  return new PstError("corrupt", detail);
}

/** Turns anything thrown while reading a structure into an exception row. */
export function toException(err: unknown, where?: string): ExceptionInput {
  const base: ExceptionInput =
    err instanceof PstError
      ? { reason: err.reason, detail: err.message }
      : err instanceof RangeError
        ? { reason: "corrupt", detail: `out-of-range read: ${describeError(err)}` }
        : { reason: "corrupt", detail: describeError(err) };
  return where ? { ...base, where } : base;
}

export function hex(n: number): string {
  return `0x${n.toString(16)}`;
}

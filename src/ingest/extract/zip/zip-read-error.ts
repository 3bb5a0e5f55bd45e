import type { ExceptionReason } from "../../../core/exception.js";

/** An error while reading a ZIP member, carrying the exception reason ingest records for it. */
export class ZipReadError extends Error {
  readonly reason: ExceptionReason;

  constructor(reason: ExceptionReason, message: string) {
    super(message);
    this.name = "ZipReadError";
    this.reason = reason;
  }
}

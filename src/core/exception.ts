/**
 * Reason codes for anything that was not fully read. Every item that ingest could not
 * process completely gets an exception row with one of these, so a reconciliation can
 * say exactly what was not examined and why.
 */
export const EXCEPTION_REASONS = {
  corrupt: "The structure is damaged or does not follow its format",
  truncated: "The data ends before its declared length",
  encrypted: "The content is encrypted (PDF, ZIP, S/MIME, Office) and was not read",
  "password-protected": "The file requires a password to open",
  "unsupported-type": "No extractor exists for this type of content",
  "size-limit": "The content exceeds the configured size limit",
  "depth-limit": "Containers are nested deeper than the configured limit",
  "ratio-limit": "The compression ratio suggests a decompression bomb",
  "parts-limit": "The container holds more parts than the configured limit",
  "ocr-failed": "Optical character recognition failed",
  "charset-unknown": "Text is in an unknown character set and was decoded as a best guess",
  "declared-not-read": "A container declares more children than could be read",
  "read-error": "The file could not be read from disk",
  "extract-failed": "The extractor failed on this content",
  timeout: "Processing exceeded the configured time limit",
  skipped: "Not examined because of this run's options (for example --no-ocr)",
} as const;

export type ExceptionReason = keyof typeof EXCEPTION_REASONS;

export function isExceptionReason(value: string): value is ExceptionReason {
  return Object.hasOwn(EXCEPTION_REASONS, value);
}

/**
 * A problem found while reading one piece of content. `detail` must never contain PHI:
 * say what failed and where ("page 3", "entry 12"), not what the content says.
 */
export interface ExceptionInput {
  reason: ExceptionReason;
  detail: string;
  /** A location inside the item, e.g. "page 3" or "sheet 2"; absent when the whole item is affected. */
  where?: string;
}

/** Turns an unknown thrown value into a message that is safe to store (no content, bounded length). */
export function describeError(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

import type { ExceptionInput } from "../../core/exception.js";
import type { Limits } from "../../core/limits.js";
import type { MailMessage } from "../../core/mail.js";
import type { Segment } from "../../core/provenance.js";

/**
 * What a source reader (PST/OST, MBOX, a directory, a ZIP of mailboxes, a single MSG/EML)
 * yields, in order, while streaming through one evidence file.
 *
 * `path` is the provenance below the source root and must be stable from run to run (it is
 * how an interrupted ingest knows what it already stored): PST messages use their node id,
 * MBOX messages their ordinal, directory files their relative path.
 */
export type SourceEvent =
  /** A folder (PST folder, directory). Comes before anything inside it. */
  | { type: "folder"; path: Segment[]; name: string; declared?: number; exceptions?: ExceptionInput[] }
  | { type: "message"; path: Segment[]; message: MailMessage }
  /**
   * An RFC 822 message left unparsed (only when `ReadOptions.deferParsing` is set), so that
   * ingest parses it on a worker thread in parallel with other messages.
   */
  | { type: "raw-message"; path: Segment[]; bytes: Uint8Array }
  /** A loose file inside the source (a directory's or a ZIP's member) for ingest to extract. */
  | { type: "file"; path: Segment[]; name: string; bytes: Uint8Array }
  /** Something declared at `path` that could not be read at all. */
  | { type: "exception"; path: Segment[]; exception: ExceptionInput };

export interface ReadOptions {
  limits: Limits;
  /**
   * True when the entry at this path was fully stored by an earlier run: a reader may skip
   * the expensive part of reading it (it must still yield folders so counts stay right).
   */
  isDone?: (path: Segment[]) => boolean;
  signal?: AbortSignal;
  /**
   * Yield `raw-message` events instead of parsed messages where the format allows (MBOX, EML):
   * the caller parses them itself, in parallel. Readers that cannot defer ignore it.
   */
  deferParsing?: boolean;
  /** Optional: how far through the source the reader is, from 0 to 1 (for progress and ETA). */
  onProgress?: (fraction: number) => void;
}

/** Totals a reader reports at the end, for the per-source reconciliation. */
export interface SourceSummary {
  /** Items (messages and files) the source declares, where the format declares them. */
  declared?: number;
  /** Format details worth recording (PST: "unicode", "ansi", "ost-2013"). No PHI. */
  format?: string;
}

export interface SourceReader {
  /** Streams the source's events. The return value is the summary. */
  read(path: string, options: ReadOptions): AsyncGenerator<SourceEvent, SourceSummary, void>;
}

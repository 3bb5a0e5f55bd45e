import type { ExceptionInput } from "../../core/exception.js";
import type { Limits } from "../../core/limits.js";
import type { MailMessage } from "../../core/mail.js";

/** What an extractor is given: one file's bytes (an attachment, a zip entry, a loose file). */
export interface ExtractInput {
  /** File name if known (used for messages and type hints, never logged with content). */
  name?: string;
  bytes: Uint8Array;
  /** The media type ingest detected for these bytes (see detect-type.ts). */
  mediaType: string;
  limits: Limits;
  /** Turns OCR of images and scanned pages on or off. */
  ocr: boolean;
}

/** A child that a container holds: a file to extract in turn, or a message (EML in ZIP, TNEF's message). */
export type ExtractChild =
  | { type: "file"; name: string; bytes: Uint8Array; mediaType?: string; exceptions?: ExceptionInput[] }
  | { type: "message"; name: string; message: MailMessage }
  /** A child that is declared but could not be read; it is recorded as an exception under its name. */
  | { type: "unreadable"; name: string; exception: ExceptionInput };

/**
 * What an extractor returns for one level. It does not recurse: ingest extracts each child in
 * turn, applying depth and size limits, so every extractor stays a flat function of its bytes.
 */
export interface ExtractResult {
  /** Plain text for detection; "" when there is none (e.g. an archive). */
  text: string;
  /** For containers (ZIP, TNEF): the members, in order. */
  children?: ExtractChild[];
  /** How many children (or pages) the content declares, for the reconciliation. */
  declared?: number;
  /** Problems with this content; the text holds whatever could be read. */
  exceptions: ExceptionInput[];
  /** Small facts worth keeping: page count, sheet names, whether OCR was used. No PHI. */
  meta?: Record<string, string | number | boolean>;
}

export type Extractor = (input: ExtractInput) => Promise<ExtractResult>;

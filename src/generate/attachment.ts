import type { DecoySpan, Span } from "./text-doc.js";

/** How an attachment's canonical text (the one span offsets point into) is defined; see TRUTH.md. */
export type TextKind = "csv" | "xlsx" | "pdf" | "docx" | "image" | "pdf-scan" | "zip" | "message";

export interface AttachmentSpan extends Span {
  /** 0-based order of appearance among the item's spans (documents, images). */
  order?: number;
  /** Spreadsheets: sheet name and A1 cell; CSV: 1-based row and column. */
  sheet?: string;
  cell?: string;
  row?: number;
  column?: number;
}

/** A generated file, its canonical text and gold spans. Reused across messages (forwards, re-sends). */
export interface Attachment {
  name: string;
  mediaType: string;
  bytes: Uint8Array;
  textKind: TextKind;
  text: string;
  spans: AttachmentSpan[];
  decoys: DecoySpan[];
  /** ZIP members, each an attachment of its own. */
  entries?: Attachment[];
  /** Scanned PDFs: pages after the content that hold no personal data and no canonical text. */
  boilerplatePages?: number;
  /** The patient a letter or report is about (lists have none). */
  about?: string;
  /** Base64 lines ("\n" and "\r\n" ends), computed once per file and shared by every message that carries it. */
  base64?: string;
  base64Crlf?: string;
}

export function withOrder(spans: readonly Span[]): AttachmentSpan[] {
  return [...spans].sort((a, b) => a.start - b.start).map((s, order) => ({ ...s, order }));
}

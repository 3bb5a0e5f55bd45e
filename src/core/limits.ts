/** Bounds that protect ingest from hostile or broken input. Exceeding one records an exception. */
export interface Limits {
  /** Largest single attachment or container member that is read into memory. */
  maxItemBytes: number;
  /** Largest single message (MIME source) that is parsed. */
  maxMessageBytes: number;
  /** Deepest nesting of containers (message › zip › zip › …). */
  maxDepth: number;
  /** Most parts or entries read from one container (MIME multipart, ZIP, TNEF). */
  maxParts: number;
  /** Largest total uncompressed size of one archive. */
  maxArchiveBytes: number;
  /** Largest compression ratio accepted for an archive entry before it is treated as a bomb. */
  maxCompressionRatio: number;
  /** Most characters of text kept per item; the rest is recorded as truncated. */
  maxTextChars: number;
  /** Most PDF pages (or images) sent to OCR per item. */
  maxOcrPages: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxItemBytes: 256 * 1024 * 1024,
  maxMessageBytes: 256 * 1024 * 1024,
  maxDepth: 12,
  maxParts: 10_000,
  maxArchiveBytes: 2 * 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxTextChars: 20 * 1024 * 1024,
  maxOcrPages: 200,
};

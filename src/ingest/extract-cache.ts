import type { ExtractResult } from "./extract/types.js";

/**
 * Remembers the extraction of leaf documents by content hash within one thread, so the same
 * PDF or scan forwarded in twenty messages is parsed and OCR'd once. Bounded by characters of
 * text held; the oldest entries go first.
 */
export class ExtractCache {
  private readonly map = new Map<string, ExtractResult>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  static key(sha256: string, mediaType: string, ocr: boolean): string {
    return `${sha256}|${mediaType}|${ocr ? 1 : 0}`;
  }

  get(key: string): ExtractResult | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    // Refresh recency.
    this.map.delete(key);
    this.map.set(key, hit);
    return structuredClone(hit);
  }

  set(key: string, result: ExtractResult): void {
    // Containers hold their members' bytes: not worth the memory, and cheap to re-read.
    if (result.children !== undefined) return;
    const size = result.text.length + 256;
    if (size > this.maxChars / 4) return;
    const old = this.map.get(key);
    if (old) {
      this.chars -= old.text.length + 256;
      this.map.delete(key);
    }
    this.map.set(key, structuredClone(result));
    this.chars += size;
    for (const [k, v] of this.map) {
      if (this.chars <= this.maxChars) break;
      this.map.delete(k);
      this.chars -= v.text.length + 256;
    }
  }
}

import type { DecoyKind, ElementCode } from "./elements.js";

/** A gold span: an element of one person's data at [start, end) of the item's text. */
export interface Span {
  code: ElementCode;
  text: string;
  start: number;
  end: number;
  /** Whose data it is (MRN or EXT id); absent for provider identifiers. */
  person?: string;
}

export interface DecoySpan {
  kind: DecoyKind;
  text: string;
  start: number;
  end: number;
}

/** Text assembled piece by piece while recording where each personal data element lands. */
export class TextDoc {
  private parts: string[] = [];
  private cached: string | undefined;
  length = 0;
  readonly spans: Span[] = [];
  readonly decoys: DecoySpan[] = [];

  add(text: string): this {
    if (text.length > 0) {
      this.parts.push(text);
      this.length += text.length;
      this.cached = undefined;
    }
    return this;
  }

  line(text = ""): this {
    return this.add(`${text}\n`);
  }

  /** Appends a value and records it as a gold span. */
  phi(code: ElementCode, text: string, person?: string): this {
    const start = this.length;
    this.add(text);
    const span: Span = { code, text, start, end: this.length };
    if (person !== undefined) span.person = person;
    this.spans.push(span);
    return this;
  }

  decoy(kind: DecoyKind, text: string): this {
    const start = this.length;
    this.add(text);
    this.decoys.push({ kind, text, start, end: this.length });
    return this;
  }

  /** Appends another document, optionally prefixing each line (as "> " quoting does), keeping its spans. */
  append(other: TextDoc, linePrefix = ""): this {
    const text = other.toString();
    if (!linePrefix) {
      const base = this.length;
      this.add(text);
      for (const s of other.spans) this.spans.push({ ...s, start: s.start + base, end: s.end + base });
      for (const d of other.decoys) this.decoys.push({ ...d, start: d.start + base, end: d.end + base });
      return this;
    }
    // Offsets move by one prefix per line up to and including the span's own line.
    const lineStarts = [0];
    for (let i = text.indexOf("\n"); i >= 0 && i < text.length - 1; i = text.indexOf("\n", i + 1))
      lineStarts.push(i + 1);
    const shift = (offset: number): number => {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((lineStarts[mid] as number) <= offset) lo = mid;
        else hi = mid - 1;
      }
      return offset + (lo + 1) * linePrefix.length;
    };
    const base = this.length;
    const body = text.endsWith("\n") ? text.slice(0, -1) : text;
    this.add(
      `${body
        .split("\n")
        .map((l) => linePrefix + l)
        .join("\n")}\n`,
    );
    for (const s of other.spans) {
      this.spans.push({ ...s, start: base + shift(s.start), end: base + shift(s.start) + s.text.length });
    }
    for (const d of other.decoys) {
      this.decoys.push({ ...d, start: base + shift(d.start), end: base + shift(d.start) + d.text.length });
    }
    return this;
  }

  toString(): string {
    if (this.cached === undefined) {
      this.cached = this.parts.join("");
      this.parts = [this.cached];
    }
    return this.cached;
  }

  /** The text's lines after wrapping at `width`: spaces become line breaks, so offsets do not move. */
  wrap(width: number): this {
    const chars = [...this.toString()];
    if (chars.length !== this.length) return this; // astral characters: leave as is
    const protectedAt = new Uint8Array(this.length);
    for (const s of [...this.spans, ...this.decoys]) protectedAt.fill(1, s.start, s.end);
    let lineStart = 0;
    let lastSpace = -1;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (c === "\n") {
        lineStart = i + 1;
        lastSpace = -1;
        continue;
      }
      if (c === " " && !protectedAt[i]) lastSpace = i;
      if (i - lineStart >= width && lastSpace > lineStart) {
        chars[lastSpace] = "\n";
        lineStart = lastSpace + 1;
        lastSpace = -1;
      }
    }
    this.parts = [chars.join("")];
    this.cached = undefined;
    return this;
  }

  lines(): string[] {
    return this.toString().replace(/\n$/, "").split("\n");
  }
}

import { describe, expect, it } from "vitest";
import { encodeWord, escapeFromLines, quotedPrintable } from "./mime.js";
import { decodeQuotedPrintable, decodeWords, splitMbox } from "./mime-parse.js";

describe("MIME helpers", () => {
  it("round-trips quoted-printable and encoded words", () => {
    const text = `Résumé = café ${"x".repeat(120)}\nline two  \nFrom here`;
    expect(decodeQuotedPrintable(quotedPrintable(text)).toString("utf8")).toBe(text);
    expect(decodeWords(encodeWord("José Núñez"))).toBe("José Núñez");
  });
  it("escapes and unescapes mboxrd From lines", () => {
    const body = "From me\n>From you\nnot From";
    const mbox = `From a@b Mon Jan  1 00:00:00 2025\n${escapeFromLines(body)}\n\n`;
    expect(splitMbox(mbox)).toEqual([`${body}\n`]);
  });
});

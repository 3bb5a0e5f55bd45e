import { interpretRtf, type RtfResult } from "./rtf-interpreter.js";

/** The readable text of an RTF document (see rtf-interpreter.ts for the input convention). */
export function rtfToText(rtf: string): string {
  return convertRtf(rtf).text;
}

/** Text plus what went wrong, for callers that record exceptions. */
export function convertRtf(rtf: string): RtfResult {
  const r = interpretRtf(rtf, "text");
  return { ...r, text: tidy(r.text) };
}

/**
 * Collapses the blank lines and trailing spaces that RTF layout leaves behind. Line by line
 * rather than with /[ \t]+\n/, which is quadratic on long runs of spaces.
 */
function tidy(text: string): string {
  const lines = text.split("\n");
  const out: string[] = [];
  let blank = 0;
  for (const line of lines) {
    const t = line.trimEnd();
    blank = t.length === 0 ? blank + 1 : 0;
    if (blank <= 1) out.push(t);
  }
  return out.join("\n").trim();
}

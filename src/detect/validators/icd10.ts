/**
 * ICD-10-CM code shape: a letter, a digit, a letter or digit (the category), then optionally a dot
 * and 1–4 letters/digits. Only categories inside a chapter of ICD-10-CM are valid; U is limited to
 * the codes CMS has used (U07, U09). "7th character" placeholders (X) are allowed after the dot.
 */
const SHAPE = /^([A-TV-Z])(\d)([0-9A-Z])(?:\.?([0-9A-Z]{1,4}))?$/;

/** Valid category ranges per first letter (inclusive, on the two characters after the letter). */
const CHAPTER_RANGES: Record<string, [string, string][]> = {
  A: [["00", "99"]],
  B: [["00", "99"]],
  C: [["00", "96"]],
  D: [
    ["00", "49"],
    ["50", "89"],
  ],
  E: [["00", "89"]],
  F: [["01", "99"]],
  G: [["00", "99"]],
  H: [["00", "95"]],
  I: [["00", "99"]],
  J: [["00", "99"]],
  K: [["00", "95"]],
  L: [["00", "99"]],
  M: [["00", "99"]],
  N: [["00", "99"]],
  O: [["00", "9A"]],
  P: [["00", "96"]],
  Q: [["00", "99"]],
  R: [["00", "99"]],
  S: [["00", "99"]],
  T: [["07", "88"]],
  V: [["00", "99"]],
  W: [["00", "99"]],
  X: [["00", "99"]],
  Y: [["00", "99"]],
  Z: [["00", "99"]],
};

const LETTER_CATEGORIES = new Set(["C4A", "C7A", "C7B", "D3A", "M1A", "O9A", "Z3A"]);

export function icd10Valid(code: string): boolean {
  const c = code.toUpperCase();
  if (/^U0[79](?:\.?[0-9A-Z]{1,4})?$/.test(c)) return true;
  const m = SHAPE.exec(c);
  if (!m) return false;
  const cat = `${m[2]}${m[3]}`;
  const ranges = CHAPTER_RANGES[m[1]!];
  if (!ranges) return false;
  // The third character is a digit except in a few categories (C4A, C7A, C7B, D3A, M1A, O9A, Z3A).
  if (!/^\d\d$/.test(cat)) return LETTER_CATEGORIES.has(`${m[1]}${cat}`);
  return ranges.some(([lo, hi]) => cat >= lo && cat <= hi);
}

/** Whether the code is written with its decimal point (e.g. "E11.9"), stronger evidence than "E119". */
export function icd10HasDot(code: string): boolean {
  return code.includes(".");
}

/**
 * Name-shaped tokens and the lexicon evidence for a sequence of them. Shared by every name rule.
 */
import {
  isAmbiguousName,
  isCalendarWord,
  isGivenName,
  isNonNameWord,
  isSurname,
  SURNAME_PARTICLES,
} from "../../lexicons/names.js";

export type TokenShape = "cap" | "upper" | "initial" | "particle" | "other";

export interface Token {
  text: string;
  start: number;
  end: number;
  shape: TokenShape;
  /** The characters between the previous token and this one (in the same line). */
  gap: string;
}

const CAP = /^(?:\p{Lu}['’])?\p{Lu}[\p{Ll}\p{M}]+(?:\p{Lu}[\p{Ll}\p{M}]+)?(?:[-‐]\p{Lu}[\p{Ll}\p{M}]+)*$/u;
const UPPER = /^(?:\p{Lu}['’])?\p{Lu}[\p{Lu}\p{M}]+(?:[-‐]\p{Lu}[\p{Lu}\p{M}]+)*$/u;
const INITIAL = /^\p{Lu}\.?$/u;

export function shapeOf(text: string): TokenShape {
  if (INITIAL.test(text)) return "initial";
  if (CAP.test(text)) return "cap";
  if (UPPER.test(text)) return "upper";
  if (SURNAME_PARTICLES.has(text.toLowerCase().replace(/\.$/, "")) && /^\p{Ll}/u.test(text))
    return "particle";
  return "other";
}

const TOKEN_RE = /[\p{L}\p{M}](?:[\p{L}\p{M}'’]|[-‐](?=\p{L}))*\.?/gu;

/** Tokens of a slice of text, with absolute offsets. Trailing periods are kept only on initials. */
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    let t = m[0];
    const s = m.index;
    if (t.endsWith(".") && !/^\p{Lu}\.$/u.test(t) && !/^(?:Dr|Mr|Mrs|Ms|St|Jr|Sr|Mx|Prof)\.$/i.test(t)) {
      t = t.slice(0, -1);
    }
    t = t.replace(/['’]s?$/, "");
    const e = s + t.length;
    out.push({
      text: t,
      start: offset + s,
      end: offset + e,
      shape: shapeOf(t),
      gap: text.slice(prevEnd, s),
    });
    prevEnd = e;
  }
  return out;
}

/** True when the gap between two tokens keeps them in one name (a space or two, nothing else). */
export function joins(gap: string): boolean {
  return /^[ \u00a0]{1,2}$/.test(gap);
}

/** Looser join inside a labelled value: also across a quoted or bracketed nickname. */
export function joinsInValue(gap: string): boolean {
  return joins(gap) || /^[ \u00a0]?["“”'(][ \u00a0]?$|^[ \u00a0]?["“”')][ \u00a0]{1,2}$/.test(gap);
}

export function isNameShaped(t: Token, allowUpper: boolean): boolean {
  return t.shape === "cap" || t.shape === "initial" || (allowUpper && t.shape === "upper");
}

export interface Evidence {
  given: boolean;
  surname: boolean;
  ambiguous: number;
  hardNonName: boolean;
  calendar: boolean;
}

/**
 * Lexicon evidence for name parts: the first non-initial part should be a given name and the last a
 * surname. `inverted` for "Last, First" order.
 */
export function evidence(parts: Token[]): Evidence {
  const words = parts.filter((p) => p.shape !== "initial" && p.shape !== "particle");
  const first = words[0];
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  let ambiguous = 0;
  let hard = false;
  let calendar = false;
  for (const w of words) {
    if (isAmbiguousName(w.text)) ambiguous++;
    if (isNonNameWord(w.text)) hard = true;
    if (isCalendarWord(w.text)) calendar = true;
  }
  return {
    given: first !== undefined && isGivenName(first.text),
    surname: last !== undefined && isSurname(surnameText(parts, last)),
    ambiguous,
    hardNonName: hard,
    calendar,
  };
}

/** The surname including any particles before it ("de la Cruz" -> "de la Cruz"). */
function surnameText(parts: Token[], last: Token): string {
  const i = parts.indexOf(last);
  let j = i;
  while (j > 0 && parts[j - 1]!.shape === "particle") j--;
  const bare = last.text;
  if (j === i) return bare;
  const joined = parts
    .slice(j, i + 1)
    .map((p) => p.text)
    .join("");
  // Census lists "delacruz" style; accept either form.
  return isSurname(joined) ? joined : bare;
}

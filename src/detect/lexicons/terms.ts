/**
 * A compact term lexicon and matcher for the clinical detectors. Data format (see *.data.ts): one
 * concept a line, synonyms separated by `|`, the first being the canonical form. Entries written
 * entirely in capitals/digits/punctuation are abbreviations and match case-sensitively; a `?` prefix
 * marks an entry that needs context; a `~` prefix marks an everyday word (a rung lower alone).
 */
import { isAmbiguousName, isGivenName, isSurname } from "./names.js";
import { escapeRegExp, lazy, splitLines } from "./text.js";

export interface TermEntry {
  phrase: string;
  canonical: string;
  caseSensitive: boolean;
  needsContext: boolean;
  everyday: boolean;
}

export interface TermMatch {
  start: number;
  end: number;
  entry: TermEntry;
}

export interface TermLexicon {
  size: number;
  lookup(phrase: string): TermEntry | undefined;
  find(text: string): TermMatch[];
}

function isAbbreviation(p: string): boolean {
  return /^[A-Z0-9][A-Z0-9 /&.-]*$/.test(p) && /[A-Z]/.test(p) && p.replace(/[^A-Z]/g, "").length >= 2;
}

function body(phrases: string[]): string {
  return phrases
    .sort((a, b) => b.length - a.length)
    .map((p) =>
      p
        .split(/( +|-|')/)
        .map((piece) =>
          piece === "-"
            ? "[-‐ ]?"
            : piece === "'"
              ? "['’]?"
              : /^ +$/.test(piece)
                ? "[\\s-]+"
                : escapeRegExp(piece),
        )
        .join(""),
    )
    .join("|");
}

export function buildTermLexicon(data: string): TermLexicon {
  const byKey = new Map<string, TermEntry>();
  for (const line of splitLines(data)) {
    const parts = line
      .split("|")
      .map((p) => p.trim())
      .filter((p) => p.length > 0);
    const canonical = (parts[0] ?? "").replace(/^[?~]/, "");
    for (const raw of parts) {
      const needsContext = raw.startsWith("?");
      const everyday = raw.startsWith("~");
      const phrase = raw.replace(/^[?~]/, "");
      const caseSensitive = isAbbreviation(phrase);
      const key = caseSensitive ? phrase : phrase.toLowerCase();
      if (!byKey.has(key)) byKey.set(key, { phrase, canonical, caseSensitive, needsContext, everyday });
    }
  }
  const entries = [...byKey.values()];
  const sensitive = entries.filter((e) => e.caseSensitive).map((e) => e.phrase);
  const insensitive = entries.filter((e) => !e.caseSensitive).map((e) => e.phrase);
  const edge = "(?<![\\p{L}\\p{N}])";
  const tail = "(?![\\p{L}\\p{N}]|[-‐]\\p{L})";
  const reCS = sensitive.length > 0 ? new RegExp(`${edge}(?:${body(sensitive)})${tail}`, "gu") : undefined;
  const reCI =
    insensitive.length > 0 ? new RegExp(`${edge}(?:${body(insensitive)})${tail}`, "giu") : undefined;
  const norm = (s: string) => s.replace(/[‐-]/g, "-").replace(/’/g, "'").replace(/\s+/g, " ");
  const lookup = (found: string): TermEntry | undefined => {
    const n = norm(found);
    return (
      byKey.get(n) ??
      byKey.get(n.toLowerCase()) ??
      byKey.get(n.replace(/-/g, " ")) ??
      byKey.get(n.toLowerCase().replace(/-/g, " ")) ??
      byKey.get(n.replace(/ /g, "-")) ??
      byKey.get(n.toLowerCase().replace(/ /g, "-")) ??
      byKey.get(n.replace(/[- ]/g, "")) ??
      byKey.get(n.toLowerCase().replace(/[- ]/g, "")) ??
      byKey.get(n.toLowerCase().replace(/'/g, "")) ??
      [...byKey.values()].find(
        (e) => norm(e.phrase).toLowerCase().replace(/[-' ]/g, "") === n.toLowerCase().replace(/[-' ]/g, ""),
      )
    );
  };
  return {
    size: entries.length,
    lookup,
    find(text: string): TermMatch[] {
      const out: TermMatch[] = [];
      for (const re of [reCS, reCI]) {
        if (!re) continue;
        re.lastIndex = 0;
        for (const m of text.matchAll(re)) {
          const entry = lookup(m[0]);
          if (entry) out.push({ start: m.index, end: m.index + m[0].length, entry });
        }
      }
      // longest match wins where matches overlap
      out.sort((a, b) => a.start - b.start || b.end - a.end);
      const kept: TermMatch[] = [];
      for (const m of out) {
        const last = kept[kept.length - 1];
        if (last && m.start < last.end) continue;
        kept.push(m);
      }
      return kept;
    },
  };
}

/** True when a single capitalised word is also a personal name or an everyday word ("Allegra"). */
export function looksLikeName(word: string): boolean {
  if (/\s/.test(word)) return false;
  return isGivenName(word) || isSurname(word) || isAmbiguousName(word);
}

export { lazy };

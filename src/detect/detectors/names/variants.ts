/**
 * Normalised forms of a personal name for the resolve stage: lower case, diacritics folded, both
 * orders, initials, and nickname canonical forms ("Bob" -> "robert").
 */
import { CREDENTIALS, canonicalGiven, nicknameMap } from "../../lexicons/names.js";
import { foldDiacritics } from "../../lexicons/text.js";

export { nicknameMap };

const TITLES = new Set(["mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "mister"]);
const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv"]);
const CREDS = new Set(CREDENTIALS.map((c) => c.toLowerCase().replace(/\./g, "")));
const PARTICLES = new Set([
  "de",
  "del",
  "della",
  "la",
  "le",
  "van",
  "von",
  "der",
  "den",
  "da",
  "das",
  "dos",
  "di",
  "du",
  "bin",
  "ibn",
  "al",
  "el",
  "ter",
  "ten",
]);

function clean(token: string): string {
  return foldDiacritics(token)
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/[^a-z'-]/g, "");
}

export interface ParsedName {
  given: string[];
  surname: string[];
}

/** Split a name written "First M Last", "Last, First M", with titles, suffixes and credentials. */
export function parseName(name: string): ParsedName {
  const [beforeComma, ...rest] = name.split(",");
  let inverted = false;
  let head = beforeComma ?? "";
  let tail = rest.join(" ");
  // "Smith, John" vs "John Smith, MD" / "John Smith, Jr."
  const tailTokens = tail
    .split(/\s+/)
    .map(clean)
    .filter((t) => t.length > 0);
  if (tailTokens.length > 0 && !tailTokens.every((t) => CREDS.has(t.replace(/'/g, "")) || SUFFIXES.has(t))) {
    inverted = true;
  } else {
    tail = "";
  }
  const strip = (s: string) =>
    s
      .split(/\s+/)
      .map(clean)
      .filter((t) => t.length > 0 && !TITLES.has(t) && !SUFFIXES.has(t) && !CREDS.has(t));
  if (inverted) {
    const surname = strip(head);
    const given = strip(tail);
    return { given, surname };
  }
  head = beforeComma ?? "";
  const toks = strip(head);
  if (toks.length <= 1) return { given: toks, surname: [] };
  // surname starts at the first particle after the given name, else it is the last token
  let k = toks.length - 1;
  for (let j = 1; j < toks.length - 1; j++) {
    if (PARTICLES.has(toks[j]!)) {
      k = j;
      break;
    }
  }
  return { given: toks.slice(0, k), surname: toks.slice(k) };
}

/**
 * Normalised variants of a name, canonical first ("first last"). Includes: "last first",
 * "last, first", with and without middle names/initials, first initial + last, the nickname canonical
 * forms, and the surname without spaces/hyphens/apostrophes ("de la cruz" -> "delacruz").
 */
export function nameVariants(name: string): string[] {
  const { given, surname } = parseName(name);
  const out = new Set<string>();
  const sur = surname.join(" ");
  const surForms = new Set(
    [sur, sur.replace(/['\s-]/g, ""), sur.replace(/-/g, " ")].filter((s) => s.length > 0),
  );
  const first = given[0];
  const middles = given.slice(1);
  if (!first) {
    for (const s of surForms) out.add(s);
    return [...out];
  }
  const firstForms = [first.replace(/'/g, ""), ...canonicalGiven(first)];
  const mInitials = middles.map((m) => m[0]).join(" ");
  const canonical = sur ? `${first.replace(/'/g, "")} ${sur}` : first.replace(/'/g, "");
  out.add(canonical);
  for (const s of surForms.size > 0 ? surForms : new Set([""])) {
    for (const f of new Set(firstForms)) {
      const add = (v: string) => out.add(v.replace(/\s+/g, " ").trim());
      add(`${f} ${s}`);
      if (s) {
        add(`${s} ${f}`);
        add(`${s}, ${f}`);
        if (middles.length > 0) {
          add(`${f} ${middles.join(" ")} ${s}`);
          add(`${f} ${mInitials} ${s}`);
          add(`${s}, ${f} ${mInitials}`);
        }
      }
    }
    if (s) {
      add2(out, `${first[0]} ${s}`);
      add2(out, `${s} ${first[0]}`);
      if (middles.length > 0) add2(out, `${first[0]} ${mInitials} ${s}`);
    }
  }
  return [...out];
}

function add2(set: Set<string>, v: string): void {
  set.add(v.replace(/\s+/g, " ").trim());
}

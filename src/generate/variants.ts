import type { Ymd } from "./dates.js";
import { MONTH_NAMES, MONTHS, p2 } from "./dates.js";
import { NICKNAMES } from "./names.js";
import type { Person } from "./people.js";
import type { Random } from "./random.js";

/** The many ways staff write a patient's name. */
export function nameVariant(p: Person, rng: Random): string {
  const nick = NICKNAMES[p.first];
  const first = nick && rng.chance(0.3) ? rng.pick(nick) : p.first;
  const mi = p.middle ? `${p.middle[0]}.` : "";
  switch (
    rng.weighted<number>([
      [0, 30],
      [1, 16],
      [2, 8],
      [3, 8],
      [4, 6],
      [5, 5],
      [6, 6],
      [7, 4],
      [8, 4],
      [9, 3],
    ])
  ) {
    case 0:
      return `${first} ${p.last}`;
    case 1:
      return `${p.last}, ${first}`;
    case 2:
      return `${p.last.toUpperCase()}, ${p.first.toUpperCase()}`;
    case 3:
      return mi ? `${first} ${mi} ${p.last}` : `${first} ${p.last}`;
    case 4:
      return `${p.first[0]}. ${p.last}`;
    case 5:
      return `${p.first.toUpperCase()} ${p.last.toUpperCase()}`;
    case 6:
      return p.middle ? `${p.first} ${p.middle} ${p.last}` : `${p.first} ${p.last}`;
    case 7:
      return `${p.last},${p.first}`;
    case 8:
      return `${p.last.toUpperCase()}, ${p.first}${mi ? ` ${mi[0]}` : ""}`;
    default:
      return `${first.toLowerCase()} ${p.last.toLowerCase()}`;
  }
}

/** "Last, First" as EHR exports and spreadsheets write it. */
export function lastFirst(p: Person): string {
  return `${p.last}, ${p.first}`;
}

/** A date in one of the formats seen in mail and documents. */
export function dateVariant(d: Ymd, rng: Random): string {
  const yy = p2(d.y % 100);
  switch (
    rng.weighted<number>([
      [0, 30],
      [1, 8],
      [2, 10],
      [3, 10],
      [4, 6],
      [5, 6],
      [6, 5],
      [7, 5],
      [8, 4],
      [9, 3],
    ])
  ) {
    case 0:
      return `${p2(d.m)}/${p2(d.d)}/${d.y}`;
    case 1:
      return `${d.m}-${d.d}-${yy}`;
    case 2:
      return `${MONTH_NAMES[d.m - 1]} ${d.d}, ${d.y}`;
    case 3:
      return `${d.y}-${p2(d.m)}-${p2(d.d)}`;
    case 4:
      return `${p2(d.d)}${MONTHS[d.m - 1]!.toUpperCase()}${d.y}`;
    case 5:
      return `${d.m}/${d.d}/${yy}`;
    case 6:
      return `${d.m}/${d.d}/${d.y}`;
    case 7:
      return `${d.d} ${MONTHS[d.m - 1]} ${d.y}`;
    case 8:
      return `${MONTHS[d.m - 1]}. ${d.d}, ${d.y}`;
    default:
      return `${p2(d.m)}.${p2(d.d)}.${d.y}`;
  }
}

export function ssnVariant(digits: string, rng: Random): string {
  const a = digits.slice(0, 3);
  const g = digits.slice(3, 5);
  const s = digits.slice(5);
  return rng.weighted([
    [`${a}-${g}-${s}`, 6],
    [`${a} ${g} ${s}`, 2],
    [digits, 2],
    [`${a}.${g}.${s}`, 1],
  ]);
}

export function phoneVariant(digits: string, rng: Random): string {
  const a = digits.slice(0, 3);
  const e = digits.slice(3, 6);
  const n = digits.slice(6);
  return rng.weighted([
    [`(${a}) ${e}-${n}`, 5],
    [`${a}-${e}-${n}`, 5],
    [`${a}.${e}.${n}`, 2],
    [`${a} ${e} ${n}`, 1],
    [`1-${a}-${e}-${n}`, 1],
    [digits, 1],
  ]);
}

export function mbiVariant(value: string, rng: Random): string {
  return rng.chance(0.4) ? `${value.slice(0, 4)}-${value.slice(4, 7)}-${value.slice(7)}` : value;
}

/** Introduces one plausible typing slip (swap, drop, double); the gold span is always the typed text. */
export function typo(word: string, rng: Random): string {
  if (word.length < 4) return word;
  const i = rng.int(1, word.length - 2);
  switch (rng.int(0, 2)) {
    case 0:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    default:
      return word.slice(0, i) + word[i] + word.slice(i);
  }
}

/** Applies occasional typos to a sentence of plain words. */
export function roughen(sentence: string, rng: Random, rate = 0.04): string {
  return sentence.replace(/[A-Za-z]{5,}/g, (w) => (rng.chance(rate) ? typo(w, rng) : w));
}

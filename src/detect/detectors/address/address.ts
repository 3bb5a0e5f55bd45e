/**
 * STREET_ADDRESS and LOCATION.
 *
 * STREET_ADDRESS candidates: house number + (direction) + capitalised street name + USPS suffix
 * (+ direction) (+ unit); numbered routes ("4410 County Road 12"); PO boxes; rural routes.
 * LOCATION candidates: "City, ST 12345" / "City, ST" / "City, State" in address lines; "X County";
 * health-care facilities ("St. Mary's Medical Center"); cells under City/Address columns.
 *
 * Rungs (street): likely alone; strong with a unit or a label; confirmed when a "City, ST ZIP" line
 * follows (same line or next) or under an address label/column. PO box / rural route: strong,
 * confirmed with a city line. Location: "City, ST ZIP" strong (confirmed after a street line);
 * "City, ST" likely, with ambiguous state codes (IN, OR, ME, MD, PA…) only when a ZIP follows;
 * facility likely, possible when its modifiers are all generic ("Memorial Hospital"); county likely.
 * The STREET_ADDRESS span stops before the city; the LOCATION span is "City, ST" without the ZIP
 * (ZIP_CODE is its own element).
 */
import { isCalendarWord, isGivenName, isNonNameWord, isSurname } from "../../lexicons/names.js";
import {
  AMBIGUOUS_STATE_CODES,
  FACILITY_HEADS,
  STREET_SUFFIX_WORDS,
  UNIT_WORDS,
  US_STATES,
} from "../../lexicons/places.js";
import { escapeRegExp, findTables, keepBest, lineWindow } from "../../lexicons/text.js";
import type { DetectDocument, Detector, Finding, ScoreRung } from "../../types.js";
import { SCORE } from "../../types.js";

export const ADDRESS_DETECTOR_ID = "street-address";
export const LOCATION_DETECTOR_ID = "location";

const alt = (words: string[]) =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegExp(w))
    .join("|");
const upperToo = (words: string[]) => [...words, ...words.map((w) => w.toUpperCase())];

const SUFFIX = `(?:${alt(upperToo(STREET_SUFFIX_WORDS))})\\.?`;
const DIR =
  "(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West|Northeast|Northwest|Southeast|Southwest|NORTH|SOUTH|EAST|WEST)\\.?";
const NUM = "\\d{1,6}(?:-?[A-Z](?![\\p{L}])|-\\d{1,5}|\\s1\\/2)?";
const NAME_TOKEN =
  "(?:(?:St|Ste|Mt|Ft|Dr)\\.\\s?\\p{Lu}[\\p{L}'’.-]*|\\p{Lu}[\\p{L}'’-]*|\\d{1,3}(?:st|nd|rd|th|ST|ND|RD|TH))";
const UNIT = `(?:,?\\s*(?:${alt(upperToo(UNIT_WORDS.filter((u) => u !== "#")))})\\.?\\s*#?\\s*[A-Za-z0-9-]{1,6}(?![\\p{L}\\p{N}])|,?\\s*#\\s*[A-Za-z0-9-]{1,6}(?![\\p{L}\\p{N}]))`;

const STREET_RE = new RegExp(
  `(?<![\\p{L}\\p{N}$.,/:#-])(${NUM})\\s+(?:${DIR}\\s+)?((?:${NAME_TOKEN}\\s+){0,3}${NAME_TOKEN}|${DIR})\\s+(${SUFFIX})(?![\\p{L}\\p{N}])(?:\\s+${DIR}(?![\\p{L}]))?(${UNIT})?`,
  "gu",
);
const ROUTE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}$.,/:#-])(${NUM})\\s+(?:(?:US|U\\.S\\.|State|STATE|County|COUNTY|Farm to Market|FM|SR|CR|Old|OLD|Interstate)\\s+)?(?:Highway|HIGHWAY|Hwy|HWY|Route|ROUTE|Rte|RTE|Road|ROAD|Rd|RD)\\.?\\s*-?\\s*\\d{1,4}[A-Z]?(?![\\p{L}\\p{N}])(?:\\s+${DIR}(?![\\p{L}]))?(${UNIT})?`,
  "gu",
);
const PO_BOX_RE =
  /(?<![\p{L}\p{N}])(?:P\.?\s?O\.?\s?Box|PO\s?BOX|P\.O\.B\.|Post\s+Office\s+Box|POB)\s*#?\s*\d{1,6}(?![\p{L}\p{N}])/giu;
const RURAL_RE =
  /(?<![\p{L}\p{N}])(?:RR|R\.R\.|Rural\s+Route|RFD|HC|Highway\s+Contract|Star\s+Route)\s*#?\s*\d{1,3}\s*,?\s*Box\s*#?\s*\d{1,5}(?![\p{L}\p{N}])/giu;

const STATE_CODES = Object.keys(US_STATES);
const STATE_NAMES = Object.values(US_STATES);
const CITY_TOKEN = "(?:\\p{Lu}[\\p{L}'’.-]*)";
const CITY = `(${CITY_TOKEN}(?:[ ](?:${CITY_TOKEN}|de|del|la|of|on|upon)){0,3})`;
const CITY_STATE_ZIP_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])${CITY},?[ ]+(${alt(STATE_CODES)}|${alt(upperToo(STATE_NAMES))})\\.?(?:,?[ ]+(\\d{5}(?:-\\d{4})?)(?!\\d))?(?![\\p{L}\\p{N}])`,
  "gu",
);
const COUNTY_RE = /(?<![\p{L}])((?:\p{Lu}[\p{L}'’.-]*[ ]){1,2}(?:County|Parish|COUNTY|PARISH))(?![\p{L}])/gu;

const FACILITY_RE = new RegExp(
  `(?<![\\p{L}])((?:(?:St\\.?|Saint|Mount|Mt\\.?|San|Santa)[ ])?(?:(?:\\p{Lu}[\\p{L}'’.-]*|of|the|and|&)[ ]){1,5}?)(${alt(FACILITY_HEADS)})(?![\\p{L}])(?:[ ](?:of|at)[ ](?:the[ ])?\\p{Lu}[\\p{L}'’.-]*(?:[ ]\\p{Lu}[\\p{L}'’.-]*){0,2})?`,
  "gu",
);
const GENERIC_MODIFIERS = new Set(
  (
    "the our your this that a an main local nearest any every memorial general community regional university " +
    "county city state public private rural urban central national veterans childrens children's women's womens " +
    "family medical health patient walk-in walk in new north south east west outpatient inpatient specialty " +
    "primary urgent mental behavioral"
  ).split(" "),
);

const ADDRESS_LABEL =
  /(?:^|[\t|;]|\s{2})\s*(?:home\s+|mailing\s+|street\s+|billing\s+|patient\s+|current\s+|permanent\s+|previous\s+)?(?:address|addr|street|residence|address\s+line\s*\d?)\s*[:#-]\s*$/i;
const CITY_LABEL =
  /(?:^|[\t|;]|\s{2})\s*(?:city|town|city\/state|city, state|county|place of birth|birthplace)\s*[:#-]\s*/gi;

interface Cand {
  element: "STREET_ADDRESS" | "LOCATION";
  start: number;
  end: number;
  rung: ScoreRung;
  candidate: string;
  context: string[];
  note: string;
  row?: string;
}

function lineOf(text: string, pos: number): { start: number; end: number } {
  return lineWindow(text, pos);
}

function isBadCity(city: string): boolean {
  const first = city.split(" ")[0] ?? "";
  return (
    isCalendarWord(first) ||
    /^(?:Dear|Thanks|Thank|Hi|Hello|Regards|Sincerely|Best|Yes|No|Re|Fwd|Fw|From|To|Cc|Subject|Sent|Date|Dr|Mr|Mrs|Ms)$/i.test(
      first,
    )
  );
}

function unitOf(m: RegExpMatchArray): string | undefined {
  return m[4];
}

function detectAll(text: string): Cand[] {
  const cands: Cand[] = [];
  const cityStateZip: { start: number; end: number; zip: boolean }[] = [];

  // LOCATION: City, ST [ZIP]
  for (const m of text.matchAll(CITY_STATE_ZIP_RE)) {
    let city = m[1]!;
    let start = m.index;
    const state = m[2]!;
    const zip = m[3];
    const isCode = state.length === 2;
    if (isCode && AMBIGUOUS_STATE_CODES.has(state) && !zip) continue;
    if (!isCode && !zip) {
      // "Smith, Georgia" is a person, not a place
      if (isGivenName(state) && isSurname(city)) continue;
    }
    // Drop leading words that are clearly not part of a city name
    const words = city.split(" ");
    while (words.length > 1 && (isNonNameWord(words[0]!) || isCalendarWord(words[0]!))) {
      start += words[0]!.length + 1;
      words.shift();
    }
    city = words.join(" ");
    if (isBadCity(city) || isNonNameWord(city)) continue;
    const stateEnd = m.index + m[0].length - (zip ? m[0].length - m[0].lastIndexOf(zip) : 0);
    let end = zip ? text.slice(start, stateEnd).replace(/[\s,]+$/, "").length + start : m.index + m[0].length;
    if (!isCode && text[end - 1] === ".") end--;
    cityStateZip.push({ start, end, zip: zip !== undefined });
    const rung: ScoreRung = zip ? "strong" : isCode ? "likely" : "possible";
    cands.push({
      element: "LOCATION",
      start,
      end,
      rung,
      candidate: zip ? "city-state-zip" : "city-state",
      context: [`state:${isCode ? state : "name"}`],
      note: zip ? "city, state and ZIP" : "city and state",
    });
  }

  // cityStateZip is in text order (regex matches); find the first city entry starting at or after `start`.
  const followingCity = (
    start: number,
    end: number,
  ): { start: number; end: number; zip: boolean } | undefined => {
    let lo = 0;
    let hi = cityStateZip.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cityStateZip[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    // same line ", City, ST ZIP" or the next line (a city match may have swallowed the street name)
    for (let i = lo; i < cityStateZip.length; i++) {
      const c = cityStateZip[i]!;
      if (c.start - end > 40) break;
      if (c.end > end && !/\n[^\n]*\n/.test(text.slice(end, Math.max(end, c.start)))) return c;
    }
    return undefined;
  };
  const followedByCity = (start: number, end: number): boolean => followingCity(start, end) !== undefined;
  const labelled = (start: number): boolean => {
    const l = lineOf(text, start);
    return ADDRESS_LABEL.test(text.slice(l.start, start));
  };

  // STREET_ADDRESS
  for (const re of [STREET_RE, ROUTE_RE]) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      const name = re === STREET_RE ? m[2]! : "";
      if (re === STREET_RE) {
        // the street name must not be a clinical/calendar phrase
        const nameWords = name.split(/\s+/);
        if (nameWords.every((w) => isCalendarWord(w))) continue;
        // "5 Dr. Smith": a doctor's title used as a suffix is no street
        if (
          /^Dr\.?$/.test(m[3]!) &&
          /^\s+\p{Lu}\p{Ll}/u.test(text.slice(end, end + 4)) &&
          !/,/.test(text.slice(end, end + 2))
        )
          continue;
        // a number that is a dose/time/measure ("500 Milligrams")
        const prev = text.slice(Math.max(0, start - 16), start);
        if (/\b(?:Suite|Ste|Apt|Unit|Room|Rm|Floor|Page|Box|Bed|No|Number)\.?\s*$/i.test(prev)) continue;
        // "Top 10 Best Way", "one of 3 Main Points": a count in prose, not a house number
        if (
          !unitOf(m) &&
          /\b(?:top|over|about|than|only|just|page|chapter|step|steps|tip|tips|reasons?|ways?|the|of|and|or|all)\s*$/i.test(
            prev,
          )
        )
          continue;
      }
      const unit = m[re === STREET_RE ? 4 : 2];
      const context: string[] = [];
      let rung: ScoreRung = "likely";
      if (unit) {
        rung = "strong";
        context.push("unit");
      }
      const isLabelled = labelled(start);
      if (isLabelled) context.push("address-label");
      const city = followedByCity(start, end);
      if (city) context.push("city-state-line");
      if (city || isLabelled)
        rung =
          city && (unit || isLabelled || followingCity(start, end)?.zip === true) ? "confirmed" : "strong";
      cands.push({
        element: "STREET_ADDRESS",
        start,
        end,
        rung,
        candidate: re === STREET_RE ? "number+street+suffix" : "number+route",
        context,
        note: "house number, street name and suffix",
      });
    }
  }
  for (const [re, candidate] of [
    [PO_BOX_RE, "po-box"],
    [RURAL_RE, "rural-route"],
  ] as const) {
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length;
      const city = followedByCity(m.index, end);
      const rung: ScoreRung = city || labelled(m.index) ? "confirmed" : "strong";
      cands.push({
        element: "STREET_ADDRESS",
        start: m.index,
        end,
        rung,
        candidate,
        context: city ? ["city-state-line"] : [],
        note: candidate === "po-box" ? "post office box" : "rural route and box",
      });
    }
  }

  // A location whose match swallowed the street name starts after the street.
  const streets = cands.filter((x) => x.element === "STREET_ADDRESS").sort((a, b) => a.start - b.start);
  /** Streets starting within [pos - span, pos]. */
  const streetsNear = (pos: number, span: number): Cand[] => {
    let lo = 0;
    let hi = streets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (streets[mid]!.start < pos - span) lo = mid + 1;
      else hi = mid;
    }
    const out: Cand[] = [];
    for (let i = lo; i < streets.length && streets[i]!.start <= pos; i++) out.push(streets[i]!);
    return out;
  };
  for (const c of cands) {
    if (c.element !== "LOCATION") continue;
    const st = streetsNear(c.start, 300).find((x) => x.start <= c.start && c.start < x.end && x.end < c.end);
    if (st) c.start = st.end + (/^[\s,]*/.exec(text.slice(st.end, c.end))?.[0].length ?? 0);
  }

  // Location after a street line gets confirmed
  for (const c of cands) {
    if (c.element !== "LOCATION" || c.candidate !== "city-state-zip") continue;
    const before = streetsNear(c.start, 400).some(
      (s) => s.end <= c.start && c.start - s.end <= 40 && !/\n[^\n]*\n/.test(text.slice(s.end, c.start)),
    );
    if (before) {
      c.rung = "confirmed";
      c.context.push("after-street-line");
    }
  }

  // Counties
  for (const m of text.matchAll(COUNTY_RE)) {
    const words = m[1]!.split(" ");
    if (words.length > 0 && GENERIC_MODIFIERS.has((words[0] ?? "").toLowerCase()) && words.length === 2)
      continue;
    cands.push({
      element: "LOCATION",
      start: m.index,
      end: m.index + m[0].length,
      rung: "likely",
      candidate: "county",
      context: [],
      note: "named county or parish",
    });
  }

  // Facilities
  for (const m of text.matchAll(FACILITY_RE)) {
    let start = m.index;
    let mods = m[1]!.trim().split(/\s+/);
    // trim leading articles and sentence words
    while (mods.length > 0 && /^(?:the|at|to|from|in|and|of|&|a|an)$/i.test(mods[0]!)) {
      start = text.indexOf(mods[1] ?? m[2]!, start + mods[0]!.length);
      mods = mods.slice(1);
    }
    if (mods.length === 0) continue;
    if (mods.some((w) => isCalendarWord(w)) || /^(?:Dear|Thanks|Hi|Hello|Regards|Best)$/i.test(mods[0]!))
      continue;
    const specific = mods.filter(
      (w) => !GENERIC_MODIFIERS.has(w.toLowerCase()) && !/^(?:of|and|&)$/i.test(w),
    );
    const rung: ScoreRung = specific.length > 0 ? "likely" : "possible";
    cands.push({
      element: "LOCATION",
      start,
      end: m.index + m[0].length,
      rung,
      candidate: "facility",
      context: [`head:${m[2]!.toLowerCase()}`],
      note: specific.length > 0 ? "named health-care facility" : "facility named only by generic words",
    });
  }

  // City labels
  for (const m of text.matchAll(CITY_LABEL)) {
    const from = m.index + m[0].length;
    const l = lineOf(text, from);
    const v = /^((?:\p{Lu}[\p{L}'’.-]*)(?:[ ]\p{Lu}[\p{L}'’.-]*){0,3})/u.exec(text.slice(from, l.end));
    if (!v || isBadCity(v[1]!)) continue;
    cands.push({
      element: "LOCATION",
      start: from,
      end: from + v[1]!.length,
      rung: "strong",
      candidate: "city-label",
      context: ["label"],
      note: "value of a city/county field",
    });
  }

  // Columns
  for (const table of findTables(text)) {
    const kinds = table.header.map((h) => {
      const t = h.text.trim();
      if (
        /^(?:(?:home|mailing|street|patient|billing)\s*)?(?:address|addr|street)(?:\s*(?:line\s*)?1)?$/i.test(
          t,
        )
      )
        return "STREET_ADDRESS" as const;
      if (/^(?:city|town|county|city\/state|city, ?state)$/i.test(t)) return "LOCATION" as const;
      return undefined;
    });
    if (!kinds.some((k) => k)) continue;
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const kind = kinds[cell.column];
        if (!kind || cell.text.trim() === "") continue;
        if (kind === "STREET_ADDRESS" && !/^\s*(?:\d|P\.?\s?O\.?\s?Box|RR\b|Rural)/i.test(cell.text))
          continue;
        if (kind === "LOCATION" && (/\d/.test(cell.text) || !/^\p{L}/u.test(cell.text))) continue;
        cands.push({
          element: kind,
          start: cell.start,
          end: cell.end,
          rung: "confirmed",
          candidate: "column",
          context: [`header:${table.header[cell.column]!.text.trim().toLowerCase()}`],
          note: "cell under an address or city header",
          row: row.row,
        });
      }
    }
  }
  return resolve(cands);
}

const ORDER: ScoreRung[] = ["weak", "possible", "likely", "strong", "confirmed"];

function resolve(cands: Cand[]): Cand[] {
  return keepBest(
    cands,
    (a, b) =>
      ORDER.indexOf(b.rung) - ORDER.indexOf(a.rung) ||
      (b.row !== undefined ? 1 : 0) - (a.row !== undefined ? 1 : 0) ||
      b.end - b.start - (a.end - a.start),
  );
}

function toFindings(text: string, cands: Cand[], element: Cand["element"], detector: string): Finding[] {
  return cands
    .filter((c) => c.element === element)
    .map((c) => {
      let start = c.start;
      while (start < c.end && /[\s,]/.test(text[start] ?? "")) start++;
      const f: Finding = {
        element,
        start,
        end: c.end,
        text: text.slice(start, c.end),
        score: SCORE[c.rung],
        detector,
        explanation: { candidate: c.candidate, context: c.context, rung: c.rung, note: c.note },
      };
      if (c.row !== undefined) f.row = c.row;
      return f;
    });
}

let lastText: string | undefined;
let lastCands: Cand[] = [];
function cached(text: string): Cand[] {
  if (text !== lastText) {
    lastCands = detectAll(text);
    lastText = text;
  }
  return lastCands;
}

export const streetAddressDetector: Detector = {
  meta: {
    id: ADDRESS_DETECTOR_ID,
    elements: ["STREET_ADDRESS"],
    description:
      "Street addresses: house number + street name + USPS suffix (+ unit), numbered routes, PO boxes and rural " +
      "routes; raised by a following 'City, ST ZIP' line, a unit or an address label.",
    version: "1.0.0",
    examples: [
      {
        text: "Address: 1234 N Elm Street Apt 5B\nSpringfield, IL 62704",
        expect: ["1234 N Elm Street Apt 5B"],
      },
      {
        text: "Mail it to 77 Martin Luther King Jr Blvd, Suite 200, Newark, NJ 07102.",
        expect: ["77 Martin Luther King Jr Blvd, Suite 200"],
      },
      { text: "PO Box 4521, Dayton, OH 45401", expect: ["PO Box 4521"] },
      { text: "RR 2 Box 118, Alma, KS", expect: ["RR 2 Box 118"] },
      { text: "She lives at 4410 County Road 12 in Athens.", expect: ["4410 County Road 12"] },
      { text: "1600 PENNSYLVANIA AVE NW", expect: ["1600 PENNSYLVANIA AVE NW"] },
      { text: "We will drive to the clinic tomorrow.", expect: [] },
      { text: "Please come to Suite 200 at 3 pm.", expect: [] },
      { text: "Take 2 tablets by mouth daily.", expect: [] },
      { text: "Dr. Smith will see 5 patients on Main floor.", expect: [] },
      { text: "The meeting is in Room 12, Building C.", expect: [] },
    ],
  },
  detect(doc: DetectDocument): Finding[] {
    return toFindings(doc.text, cached(doc.text), "STREET_ADDRESS", ADDRESS_DETECTOR_ID);
  },
};

export const locationDetector: Detector = {
  meta: {
    id: LOCATION_DETECTOR_ID,
    elements: ["LOCATION"],
    description:
      "Locations: 'City, ST [ZIP]' in address lines, named counties, health-care facilities and City columns/labels.",
    version: "1.0.0",
    examples: [
      { text: "1234 Elm St\nSpringfield, IL 62704", expect: ["Springfield, IL"] },
      {
        text: "Transferred to St. Mary's Medical Center for surgery.",
        expect: ["St. Mary's Medical Center"],
      },
      { text: "She moved to Austin, TX last year.", expect: ["Austin, TX"] },
      { text: "Resident of Cuyahoga County since 1990.", expect: ["Cuyahoga County"] },
      { text: "City: Santa Fe", expect: ["Santa Fe"] },
      { text: "Jane Smith, MD will call you.", expect: [] },
      { text: "Log in to the Patient Portal.", expect: [] },
      { text: "Dear Team,", expect: [] },
      { text: "See you on Monday, OR wait until Friday.", expect: [] },
      { text: "Please visit our clinic today.", expect: [] },
    ],
  },
  detect(doc: DetectDocument): Finding[] {
    return toFindings(doc.text, cached(doc.text), "LOCATION", LOCATION_DETECTOR_ID);
  },
};

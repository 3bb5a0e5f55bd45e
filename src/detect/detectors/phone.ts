import type { DataElement } from "../../core/elements.js";
import { effectiveDistance, findContext, lexicon, nearest } from "../context.js";
import { makeFinding, scan, standsAlone } from "../kit.js";
import { pickRung } from "../rungs.js";
import type { DetectDocument, Detector, Explanation, Finding } from "../types.js";
import { nanpCheck } from "../validators/nanp.js";

const PHONE = lexicon([
  "phone",
  "ph",
  "ph#",
  "phone #",
  "phone no",
  "tel",
  "tel.",
  "telephone",
  "cell",
  "cell phone",
  "mobile",
  "mob",
  "home",
  "home phone",
  "work",
  "work phone",
  "contact",
  "contact #",
  "call",
  "callback",
  "call back",
  "cb",
  "pager",
  "text",
  "p:",
  "c:",
  "h:",
  "m:",
  "w:",
  "t:",
  "o:",
]);
const FAX = lexicon(["fax", "fax #", "fax no", "fax number", "facsimile", "fx", "f:", "efax"]);
const NOT_PHONE = lexicon([
  "order",
  "invoice",
  "po",
  "tracking",
  "confirmation",
  "ssn",
  "mrn",
  "account",
  "acct",
  "member",
  "policy",
  "claim",
  "npi",
  "routing",
  "serial",
  "isbn",
]);

/**
 * One pass, three forms:
 * formatted (212) 555-1234, 212-555-1234, 212.555.1234, 212 555 1234, +1 212 555 1234, 1-212-555-1234;
 * bare 2125551234 or 12125551234 (only with a phone/fax label);
 * local 555-1234 without area code (only with a phone/fax label).
 */
const PHONE_RE =
  /(?:\+?1[ .-]?)?(?:\(\s?(\d{3})\s?\)[ .-]?|\b(\d{3})[ .-])(\d{3})[ .-](\d{4})\b|\b1?(\d{3})(\d{3})(\d{4})\b|\b(\d{3})-(\d{4})\b/g;

/**
 * Phone and fax numbers under NANP rules: area code and exchange start 2–9 and are not N11, area
 * codes are not N9X. Formatted numbers are `likely` on shape and rules alone, `strong` with a phone
 * label or column header; 10 bare digits and 7-digit local numbers need a label. A number is FAX when
 * the nearest label is a fax label ("Fax:", "F:") or the column header says Fax. 555-0100…0199 is the
 * range reserved for fiction: reported at `weak` with a failed "not-fictional" validation.
 */
export const phone: Detector = {
  meta: {
    id: "phone",
    elements: ["PHONE", "FAX"],
    description: "NANP phone and fax numbers; fax by nearest label or column header.",
    version: "1.0.0",
    examples: [
      { text: "Call me at (212) 674-4310.", expect: ["(212) 674-4310"] },
      { text: "Cell: 617.555.2368", expect: ["617.555.2368"] },
      { text: "Phone 4155552671", expect: ["4155552671"] },
      { text: "Sheet: c\nName\tHome Phone\nDoe\t312-555-7788", expect: ["312-555-7788"] },
      { text: "Tel +1 212 674 4310 ext 22", expect: ["+1 212 674 4310"] },
      { text: "Order 123-456-7890 shipped", expect: [] },
      { text: "SSN 212-67-4431", expect: [] },
      { text: "ID 2125551234", expect: [] },
      { text: "dated 2024-03-04", expect: [] },
      { text: "Or dial: (EE) +372 685 2028", expect: [] },
      { text: "Fax: 212-674-4399", expect: [], element: "PHONE" },
      { text: "Fax: 212-674-4399", expect: ["212-674-4399"], element: "FAX" },
      { text: "P: 212-674-4310 F: 212-674-4399", expect: ["212-674-4399"], element: "FAX" },
      { text: "Sheet: c\nName\tFax\nClinic\t312-555-7789", expect: ["312-555-7789"], element: "FAX" },
      { text: "Phone: 212-674-4310", expect: [], element: "FAX" },
    ],
  },
  detect(doc) {
    const out: Finding[] = [];
    const text = doc.text;
    const seen = new Set<number>();
    const consider = (
      start: number,
      end: number,
      area: string | undefined,
      ex: string,
      line: string,
      kind: string,
    ) => {
      if (seen.has(start) || !standsAlone(text, start, end)) return;
      // "+372 685 2028": a non-NANP country code directly before the number.
      if (start > 0 && text.charCodeAt(start - 1) === 43) return;
      if (
        start > 1 &&
        /\+\d{1,3}[ .-]$/.test(text.slice(Math.max(0, start - 5), start)) &&
        !/\+1[ .-]$/.test(text.slice(start - 3, start))
      )
        return;
      const check = nanpCheck(area, ex, line);
      if (!check.valid) return;
      const phoneHits = findContext(doc, start, end, PHONE, { before: 30 });
      const faxHits = findContext(doc, start, end, FAX, { before: 30 });
      const labelled = phoneHits.length + faxHits.length > 0;
      if (kind !== "formatted" && !labelled) return;
      const neg = labelled ? [] : findContext(doc, start, end, NOT_PHONE, { before: 25, header: true });
      if (neg.length > 0 && kind !== "formatted") return;
      seen.add(start);
      out.push(
        build(doc, start, end, kind, check.fictional, phoneHits, faxHits, neg.length > 0, neg[0]?.word),
      );
    };
    scan(PHONE_RE, text, (m) => {
      const end = m.index + m[0].length;
      if (m[3] !== undefined) consider(m.index, end, m[1] ?? m[2], m[3], m[4]!, "formatted");
      else if (m[5] !== undefined) consider(m.index, end, m[5], m[6]!, m[7]!, "bare");
      else consider(m.index, end, undefined, m[8]!, m[9]!, "local");
    });
    return out;
  },
};

function build(
  doc: DetectDocument,
  start: number,
  end: number,
  kind: string,
  fictional: boolean,
  phoneHits: ReturnType<typeof findContext>,
  faxHits: ReturnType<typeof findContext>,
  negative: boolean,
  negWord: string | undefined,
): Finding {
  const p = nearest(phoneHits);
  const f = nearest(faxHits);
  const isFax = f !== undefined && (p === undefined || effectiveDistance(f) <= effectiveDistance(p));
  const element: DataElement = isFax ? "FAX" : "PHONE";
  const hits = isFax ? faxHits : phoneHits;
  const explanation: Explanation = {
    candidate: `nanp:${kind}`,
    validations: [{ rule: "nanp-area-exchange", passed: true }],
    context: hits.map((h) => `${h.where === "header" ? "header" : "label"}:${h.word}`),
    rung: "weak",
  };
  if (negative && negWord) explanation.context!.push(`against:${negWord}`);
  if (fictional) {
    explanation.validations!.push({ rule: "not-fictional-555-01xx", passed: false });
    explanation.note = "555-0100…0199 is reserved for fiction";
  } else {
    explanation.rung = pickRung({
      base: kind === "formatted" ? "possible" : "weak",
      context: hits.length > 0,
      ranges: kind !== "local",
      negative,
    });
  }
  return makeFinding(doc, "phone", element, start, end, explanation);
}

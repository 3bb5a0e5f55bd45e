import { findContext, lexicon } from "../context.js";
import { makeFinding, scan, standsAlone } from "../kit.js";
import { pickRung } from "../rungs.js";
import type { Detector, Finding } from "../types.js";

const ZIP = lexicon([
  "zip",
  "zip code",
  "zipcode",
  "zip+4",
  "postal",
  "postal code",
  "postcode",
  "zip/postal",
]);
const STATES =
  "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|VI|GU|AS|MP";
const STATE_NAMES =
  "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Puerto Rico";
/** A state abbreviation (upper case) or name right before the ZIP: "Springfield, IL 62704". */
const STATE_BEFORE = new RegExp(
  `(?:(?<![A-Za-z])(?:${STATES})\\.?|(?<![A-Za-z])(?:${STATE_NAMES}))[ \\t,]{1,3}$`,
);
const CANDIDATE = /\b\d{5}(?:-\d{4})?\b/g;

/** Three-digit prefixes the USPS has never assigned (partial list; an unassigned prefix lowers the rung). */
const UNUSED_PREFIXES = new Set(
  "000 001 002 003 004 213 269 343 345 348 353 419 428 429 517 518 519 529 533 536 552 568 578 579 589 621 632 642 643 659 663 682 694 695 696 697 698 699 709 715 732 742 771 817 818 819 839 848 849 854 858 861 862 866 867 868 869 876 886 887 888 892 896 899 909 929 987".split(
    " ",
  ),
);

/**
 * ZIP codes (and ZIP+4, reported whole as one ZIP): five digits after a state abbreviation or name
 * (an address line), after a ZIP/postal label, or under a ZIP/Postal Code column. Bare five-digit
 * numbers are not reported. An unassigned 3-digit prefix lowers the rung.
 */
export const zipCode: Detector = {
  meta: {
    id: "zip-code",
    elements: ["ZIP_CODE"],
    description: "US ZIP and ZIP+4 codes in an address line, after a ZIP label, or in a ZIP column.",
    version: "1.0.0",
    examples: [
      { text: "123 Main St, Springfield, IL 62704", expect: ["62704"] },
      { text: "Boston, Massachusetts 02114-2696", expect: ["02114-2696"] },
      { text: "Zip: 30301", expect: ["30301"] },
      { text: "Sheet: a\nStreet\tCity\tST\tZIP\n1 Elm\tAustin\tTX\t78701", expect: ["78701"] },
      { text: "Invoice 62704 total", expect: [] },
      { text: "CPT 99213", expect: [] },
      { text: "ID 62704-1234-5", expect: [] },
    ],
  },
  detect(doc) {
    const out: Finding[] = [];
    const text = doc.text;
    scan(CANDIDATE, text, (m) => {
      const start = m.index;
      const end = start + m[0].length;
      if (!standsAlone(text, start, end)) return;
      const context: string[] = [];
      // Address context: a state abbreviation or name just before ("Springfield, IL 62704").
      let p = start - 1;
      while (
        p >= 0 &&
        p > start - 4 &&
        (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 44 || text.charCodeAt(p) === 9)
      )
        p--;
      if (p >= 0 && text.charCodeAt(p) === 46) p--;
      const letterBefore = p >= 0 && /[A-Za-z]/.test(text[p] ?? "");
      const state = letterBefore ? STATE_BEFORE.exec(text.slice(Math.max(0, start - 20), start)) : null;
      if (state) context.push(`address:${state[0].replace(/[ \t,.]+$/, "")}`);
      for (const h of findContext(doc, start, end, ZIP, { before: 25 }))
        context.push(`${h.where === "header" ? "header" : "label"}:${h.word}`);
      if (context.length === 0) return;
      const assigned = !UNUSED_PREFIXES.has(m[0].slice(0, 3));
      out.push(
        makeFinding(doc, "zip-code", "ZIP_CODE", start, end, {
          candidate: m[0].length > 5 ? "zip+4" : "zip5",
          validations: [{ rule: "assigned-prefix", passed: assigned }],
          context,
          rung: pickRung({ context: true, ranges: assigned, negative: !assigned }),
        }),
      );
    });
    return out;
  },
};

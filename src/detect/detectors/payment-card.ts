import { findContext, lexicon } from "../context.js";
import { makeFinding, scan, standsAlone } from "../kit.js";
import { pickRung } from "../rungs.js";
import type { Detector, Finding } from "../types.js";
import { cardBrand } from "../validators/card.js";
import { luhnValid } from "../validators/luhn.js";

const CARD = lexicon([
  "card",
  "card #",
  "card number",
  "card no",
  "credit card",
  "debit card",
  "cc",
  "cc#",
  "visa",
  "mastercard",
  "master card",
  "amex",
  "american express",
  "discover",
  "exp",
  "expiration",
  "cvv",
  "payment",
]);
const NOT_CARD = lexicon([
  "tracking",
  "order",
  "invoice",
  "member",
  "policy",
  "claim",
  "npi",
  "phone",
  "imei",
  "serial",
]);
const CANDIDATE = /\b\d(?:[ -]?\d){12,18}\b/g;

/** Grouping a card is written in: none, 4-4-4-4(-3), or Amex/Diners 4-6-5 / 4-6-4. */
const GROUPINGS = /^(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{1,4}(?:\1\d{1,3})?|\d{4}([ -])\d{6}\2\d{4,5})$/;

/**
 * Payment card numbers: 13–19 digits in a card grouping, a passing Luhn check and an issuer prefix
 * whose brand issues that length (Visa, Mastercard incl. 2-series, Amex, Discover, Diners, JCB,
 * UnionPay). That is `strong` alone, `confirmed` with a card label; tracking/order words lower it.
 */
export const paymentCard: Detector = {
  meta: {
    id: "payment-card",
    elements: ["PAYMENT_CARD"],
    description: "Payment card numbers: issuer prefix and length, Luhn checksum, card-word context.",
    version: "1.0.0",
    examples: [
      { text: "Visa 4111 1111 1111 1111 exp 09/27", expect: ["4111 1111 1111 1111"] },
      { text: "card: 5555-5555-5555-4444", expect: ["5555-5555-5555-4444"] },
      { text: "paid with 378282246310005", expect: ["378282246310005"] },
      { text: "MC 2221000000000009", expect: ["2221000000000009"] },
      { text: "card 4111 1111 1111 1112", expect: [] },
      { text: "ref 1234567890123456", expect: [] },
      { text: "4111-1111 1111-1111", expect: [] },
      { text: "tracking 9400111899223817246312", expect: [] },
      { text: '"uniqueQualifier": "380241841528798723"', expect: [] },
      { text: "Discover card 6011000990139424124", expect: ["6011000990139424124"] },
    ],
  },
  detect(doc) {
    const out: Finding[] = [];
    const text = doc.text;
    scan(CANDIDATE, text, (m) => {
      const start = m.index;
      const end = start + m[0].length;
      if (!GROUPINGS.test(m[0]) || !standsAlone(text, start, end)) return;
      const digits = m[0].replace(/[ -]/g, "");
      const brand = cardBrand(digits);
      if (!brand || !luhnValid(digits)) return;
      const ctx = findContext(doc, start, end, CARD, { before: 40, after: 0 });
      // Long IDs and counters collide with 13/14/17–19-digit card ranges one time in ten (Luhn):
      // written as one run of digits, only the common 15- and 16-digit lengths stand without a card word.
      if (digits.length === m[0].length && digits.length !== 15 && digits.length !== 16 && ctx.length === 0)
        return;
      const neg = findContext(doc, start, end, NOT_CARD, { before: 30, header: false });
      out.push(
        makeFinding(doc, "payment-card", "PAYMENT_CARD", start, end, {
          candidate: `card:${brand}`,
          validations: [
            { rule: "issuer-prefix-and-length", passed: true },
            { rule: "luhn", passed: true },
          ],
          context: [...ctx.map((h) => `label:${h.word}`), ...neg.map((h) => `against:${h.word}`)],
          rung: pickRung({ context: ctx.length > 0, checksum: true, negative: neg.length > 0 }),
        }),
      );
    });
    return out;
  },
};

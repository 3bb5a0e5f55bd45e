import { makeFinding } from "../kit.js";
import { pickRung } from "../rungs.js";
import type { Detector, Explanation, Finding } from "../types.js";

/** Header lines whose values are message identifiers, not mailboxes. */
const MESSAGE_ID_LINE = /^(?:message-id|in-reply-to|references|content-id|x-[a-z-]*id)\s*:/i;

const RESERVED = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost)$/i;

function isLocalChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 46 ||
    c === 95 ||
    c === 37 ||
    c === 43 ||
    c === 45 ||
    c === 39
  );
}

function isDomainChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 45;
}

/**
 * Email addresses. Found from each "@" outward (no regex backtracking over long tokens): a local part
 * of up to 64 characters and a domain of dot-separated labels ending in an alphabetic TLD of 2–24
 * letters. The address shape is its own evidence (`strong`); RFC 2606 reserved domains (example.com,
 * .test, .invalid) are reported at `weak` with a failed "not-reserved-domain" validation.
 */
export const email: Detector = {
  meta: {
    id: "email",
    elements: ["EMAIL"],
    description: "Email addresses (local part, dotted domain, alphabetic TLD).",
    version: "1.0.0",
    examples: [
      { text: "write to jane.doe+er@mail.hospital.org today", expect: ["jane.doe+er@mail.hospital.org"] },
      { text: "<J_SMITH@Gmail.COM>", expect: ["J_SMITH@Gmail.COM"] },
      { text: "From: pat.o'neil@yahoo.com", expect: ["pat.o'neil@yahoo.com"] },
      { text: "cid:image001.png@01D9A1B2.C3D4E5F0", expect: [] },
      { text: "meet @ 10am", expect: [] },
      { text: "user@localhost", expect: [] },
      { text: "price 3@4.5", expect: [] },
      { text: "Message-ID: <CAF123456789@mail.gmail.com>", expect: [] },
      { text: '<img src="cid:note@hospital.org">', expect: [] },
    ],
  },
  detect(doc) {
    const out: Finding[] = [];
    const text = doc.text;
    let at = text.indexOf("@");
    let lastEnd = 0;
    while (at !== -1) {
      let s = at;
      while (s > lastEnd && at - s < 64 && isLocalChar(text.charCodeAt(s - 1))) s--;
      while (s < at && (text.charCodeAt(s) === 46 || text.charCodeAt(s) === 39)) s++;
      let e = at + 1;
      while (e < text.length && e - at < 255 && isDomainChar(text.charCodeAt(e))) e++;
      while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
      const domain = text.slice(at + 1, e);
      const labels = domain.split(".");
      const tld = labels[labels.length - 1] ?? "";
      if (
        s < at &&
        labels.length >= 2 &&
        labels.every((l) => l.length > 0 && l.length <= 63) &&
        /^[A-Za-z]{2,24}$/.test(tld)
      ) {
        const ls = text.lastIndexOf("\n", s) + 1;
        if (
          MESSAGE_ID_LINE.test(text.slice(ls, Math.min(ls + 40, s))) ||
          text.slice(Math.max(0, s - 4), s).toLowerCase() === "cid:"
        ) {
          at = text.indexOf("@", Math.max(at + 1, e));
          continue;
        }
        const reserved = RESERVED.test(domain);
        const explanation: Explanation = {
          candidate: "email-shape",
          validations: [{ rule: "domain-and-tld", passed: true }],
          rung: reserved ? "weak" : pickRung({ base: "likely", context: false, ranges: true }),
        };
        if (reserved) {
          explanation.validations!.push({ rule: "not-reserved-domain", passed: false });
          explanation.note = "RFC 2606 reserved domain";
        }
        out.push(makeFinding(doc, "email", "EMAIL", s, e, explanation));
        lastEnd = e;
      }
      at = text.indexOf("@", Math.max(at + 1, e));
    }
    return out;
  },
};

import { labelledDetector } from "../kit.js";

/**
 * Passport numbers: label or header required ("Passport", "Passport No."). US books are 9 digits or a
 * letter and 8 digits (`strong`); other countries' 6–9 character alphanumerics are `likely`.
 */
export const passport = labelledDetector({
  id: "passport",
  element: "PASSPORT",
  description: "Passport numbers identified by a passport label or column header.",
  version: "1.0.0",
  labels: ["passport", "passport #", "passport no", "passport number", "passport id", "pp#", "pp no"],
  value: String.raw`[A-Za-z]{0,2}\d{5,9}[A-Za-z]?`,
  minDigits: 5,
  check(value) {
    const us = /^[A-Z]?\d{8,9}$/.test(value.toUpperCase());
    return {
      ok: value.length >= 6 && value.length <= 10,
      ranges: us,
      validations: [{ rule: "us-passport-shape", passed: us }],
    };
  },
  examples: [
    { text: "Passport No. 488839667", expect: ["488839667"] },
    { text: "passport: A12345678", expect: ["A12345678"] },
    { text: "Sheet: t\nName\tPassport\nDoe\tC03004786", expect: ["C03004786"] },
    { text: "passport photo attached", expect: [] },
    { text: "Passport 12", expect: [] },
    { text: "Order 488839667", expect: [] },
  ],
});

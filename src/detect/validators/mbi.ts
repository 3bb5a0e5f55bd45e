/**
 * Medicare Beneficiary Identifier (CMS): 11 characters, dashes optional when written.
 * Positions: 1 digit 1–9; 2,5,8,9 letter; 3,6 letter or digit; 4,7,10,11 digit.
 * Letters exclude S, L, O, I, B and Z.
 */
const L = "[AC-HJKMNP-RT-Y]";
const AN = "[AC-HJKMNP-RT-Y0-9]";
const MBI = new RegExp(`^[1-9]${L}${AN}\\d${L}${AN}\\d${L}${L}\\d\\d$`);

export function mbiValid(value: string): boolean {
  return MBI.test(value.replace(/-/g, ""));
}

/**
 * Legacy Health Insurance Claim Number: a 9-digit SSN-like number plus a 1–2 character beneficiary
 * identification code (A, B, B1…, C1…, D, D1…, E…, F…, J…, K…, M, T, W…), or a Railroad Retirement
 * number with a 1–3 letter prefix and 6 or 9 digits.
 */
const HICN =
  /^(?:\d{9}(?:A|B[1-9A-Z]?|C[1-9A-Z]|D[1-9A-Z]?|E[1-9A-Z]?|F[1-8]|J[1-4]|K[1-9A-Z]?|M|T[A-Z1-9]?|W[1-9BCDFGJRT]?)|(?:A|MA|WA|WD|CA|WCA|WCD|H|MH|PA|PD|WH|JA)\d{6}(?:\d{3})?)$/;

export function hicnValid(value: string): boolean {
  return HICN.test(value.replace(/[-\s]/g, "").toUpperCase());
}

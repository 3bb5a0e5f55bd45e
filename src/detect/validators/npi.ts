import { luhnValid } from "./luhn.js";

/** NPI: 10 digits starting 1 or 2; Luhn over the number prefixed with 80840 (the card issuer prefix). */
export function npiValid(digits: string): boolean {
  return /^[12]\d{9}$/.test(digits) && luhnValid(`80840${digits}`);
}

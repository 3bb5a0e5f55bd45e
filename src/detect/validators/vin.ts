/**
 * Vehicle identification number (ISO 3779 / 49 CFR 565): 17 characters, no I, O or Q; position 9 is
 * a check digit (0–9 or X) computed from transliterated values and position weights.
 */
const VALUES: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

export function vinValid(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(v)) return false;
  if (!/\d/.test(v) || !/[A-Z]/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = v[i]!;
    const n = ch >= "0" && ch <= "9" ? Number(ch) : (VALUES[ch] ?? 0);
    sum += n * WEIGHTS[i]!;
  }
  const check = sum % 11;
  return v[8] === (check === 10 ? "X" : String(check));
}

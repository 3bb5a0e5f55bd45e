/**
 * ABA routing transit number: 9 digits; the first two in 00–12, 21–32, 61–72 or 80 (Federal Reserve
 * districts, thrifts, electronic and traveler's cheques); 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10).
 */
export function abaPrefixValid(digits: string): boolean {
  const p = Number(digits.slice(0, 2));
  return p <= 12 || (p >= 21 && p <= 32) || (p >= 61 && p <= 72) || p === 80;
}

export function abaChecksumValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const d = digits.split("").map(Number);
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
  return sum % 10 === 0;
}

export function abaValid(digits: string): boolean {
  return abaChecksumValid(digits) && abaPrefixValid(digits) && digits !== "000000000";
}

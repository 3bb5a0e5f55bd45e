/**
 * DEA registration number: two letters and seven digits. The first letter is the registrant type
 * (A, B, F, G for practitioners and hospitals; M for mid-levels; P, R, S… for distributors etc.),
 * the second the registrant's last-name initial or 9. Check: (d1+d3+d5) + 2·(d2+d4+d6), last digit
 * of the sum equals d7.
 */
const DEA = /^[ABCDEFGHJKLMPRSTUX][A-Z9]\d{7}$/;

export function deaValid(value: string): boolean {
  const v = value.toUpperCase();
  if (!DEA.test(v)) return false;
  const d = v.slice(2).split("").map(Number);
  const sum = d[0]! + d[2]! + d[4]! + 2 * (d[1]! + d[3]! + d[5]!);
  return sum % 10 === d[6];
}

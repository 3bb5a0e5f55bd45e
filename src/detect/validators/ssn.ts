/**
 * SSN rules (SSA): area 000, 666 and 900–999 are never issued; group 00 and serial 0000 are never
 * issued. Area 9xx with a group in the ITIN ranges is an ITIN (see itinValid).
 *
 * Known published/advertising sample numbers (078-05-1120 from the 1938 Woolworth wallet insert,
 * 219-09-9999 from a Social Security pamphlet, 457-55-5462 from the LifeLock advertisement) and
 * obvious placeholders (123-45-6789, one digit repeated) are structurally valid but are not a
 * person's SSN. Decision: they are still reported, at the `weak` rung with a failed
 * "not-sample" validation, so a reviewer sees them but default thresholds above `weak` drop them.
 */
export type SsnRuleFailure = "area-000" | "area-666" | "area-9xx" | "group-00" | "serial-0000" | "length";

export function ssnRuleFailure(digits: string): SsnRuleFailure | undefined {
  if (!/^\d{9}$/.test(digits)) return "length";
  const area = digits.slice(0, 3);
  if (area === "000") return "area-000";
  if (area === "666") return "area-666";
  if (area[0] === "9") return "area-9xx";
  if (digits.slice(3, 5) === "00") return "group-00";
  if (digits.slice(5) === "0000") return "serial-0000";
  return undefined;
}

export function ssnValid(digits: string): boolean {
  return ssnRuleFailure(digits) === undefined;
}

const SAMPLES = new Set(["078051120", "219099999", "457555462", "123456789", "987654321", "012345678"]);

export function isSampleSsn(digits: string): boolean {
  return SAMPLES.has(digits) || /^(\d)\1{8}$/.test(digits);
}

/** ITIN: 9xx-GG-xxxx with group 50–65, 70–88, 90–92 or 94–99 (IRS ranges). */
export function itinValid(digits: string): boolean {
  if (!/^9\d{8}$/.test(digits)) return false;
  const g = Number(digits.slice(3, 5));
  return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99);
}

/** Calendar validity and two-digit-year expansion for date candidates. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  const max = m === 2 && isLeapYear(y) ? 29 : (DAYS[m - 1] ?? 0);
  return d <= max;
}

/**
 * Expand a two-digit year: for birth dates a year after this year's two digits is last century;
 * for other dates the same, but one year ahead is allowed (next year's appointments).
 */
export function expandYear(yy: number, now: Date, kind: "birth" | "event"): number {
  const cur = now.getUTCFullYear();
  const curYY = cur % 100;
  const limit = kind === "birth" ? curYY : curYY + 1;
  return yy <= limit ? cur - curYY + yy : cur - curYY - 100 + yy;
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function ymdOf(date: Date): Ymd {
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** A plausible date of birth: a valid calendar date, not in the future, not before 1890. */
export function plausibleBirthDate(date: Ymd, now: Date): boolean {
  return isValidYmd(date.y, date.m, date.d) && date.y >= 1890 && compareYmd(date, ymdOf(now)) <= 0;
}

/** A plausible event date (service, admission, death): 1900 up to two years ahead. */
export function plausibleEventDate(date: Ymd, now: Date): boolean {
  return isValidYmd(date.y, date.m, date.d) && date.y >= 1900 && date.y <= now.getUTCFullYear() + 2;
}

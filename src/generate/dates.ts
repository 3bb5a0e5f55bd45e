/** Calendar dates without time zones: everything is computed in UTC from a fixed incident date. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

export function ymdToMs(date: Ymd): number {
  return Date.UTC(date.y, date.m - 1, date.d);
}

export function msToYmd(ms: number): Ymd {
  const d = new Date(ms);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

export function addDays(date: Ymd, days: number): Ymd {
  return msToYmd(ymdToMs(date) + days * DAY_MS);
}

export function isoDate(date: Ymd): string {
  return `${date.y}-${p2(date.m)}-${p2(date.d)}`;
}

/** Whole years between two dates. */
export function ageOn(dob: Ymd, on: Ymd): number {
  let age = on.y - dob.y;
  if (on.m < dob.m || (on.m === dob.m && on.d < dob.d)) age--;
  return age;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
export const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** RFC 5322 date-time ("Tue, 04 Mar 2025 09:15:02 -0500") for a UTC instant shown at a fixed offset. */
export function rfc2822(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return (
    `${DAYS[local.getUTCDay()]}, ${p2(local.getUTCDate())} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ` +
    `${p2(local.getUTCHours())}:${p2(local.getUTCMinutes())}:${p2(local.getUTCSeconds())} ${sign}${p2(Math.floor(abs / 60))}${p2(abs % 60)}`
  );
}

/** US Eastern offset in minutes for a UTC instant (second Sunday of March to first Sunday of November). */
export function easternOffset(ms: number): number {
  const y = new Date(ms).getUTCFullYear();
  const start = Date.UTC(y, 2, 8 + ((7 - new Date(Date.UTC(y, 2, 8)).getUTCDay()) % 7), 7);
  const end = Date.UTC(y, 10, 1 + ((7 - new Date(Date.UTC(y, 10, 1)).getUTCDay()) % 7), 6);
  return ms >= start && ms < end ? -240 : -300;
}

/** The asctime-style date of an mbox "From " line ("Tue Mar  4 09:15:02 2025"). */
export function asctime(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, " ")} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

export function p2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Maps progress through the incident (0..1) onto working hours: weekdays, 7:00 to 18:00 US
 * Eastern (12:00-23:00 UTC, close enough for mail), so messages do not arrive at 3 a.m.
 */
export function businessTime(start: number, end: number, fraction: number): number {
  const day = 86_400_000;
  const days: number[] = [];
  for (let t = start; t < end; t += day) {
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) days.push(t - (t % day));
  }
  if (days.length === 0) return start;
  const position = fraction * days.length;
  const index = Math.min(days.length - 1, Math.floor(position));
  return Math.min(end, days[index]! + 12 * 3_600_000 + Math.floor((position - index) * 11 * 3_600_000));
}

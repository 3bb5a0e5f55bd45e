const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

function plausible(d: Date): boolean {
  const t = d.getTime();
  if (Number.isNaN(t)) return false;
  const y = d.getUTCFullYear();
  return y >= 1970 && y <= 2200;
}

/** Minutes east of UTC for "+0100", "-05:00", "GMT+1", "EST"; 0 when unknown or absent. */
function zoneOffsetMinutes(rest: string): number {
  const numeric = /^(?:(?:GMT|UTC|UT)\s*)?([+-])\s?(\d{1,2})(?::?(\d{2}))?/i.exec(rest);
  if (numeric) {
    let hours = Number(numeric[2]);
    let minutes = Number(numeric[3] ?? 0);
    if (hours > 14) hours = 0;
    if (minutes > 59) minutes = 0;
    return (numeric[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
  }
  const name = /^([A-Za-z]{1,5})\b/.exec(rest)?.[1]?.toUpperCase();
  return name ? (ZONES[name] ?? 0) : 0;
}

/**
 * Turns a Date header into ISO 8601 UTC, or undefined when nothing sensible can be read.
 * Real mail has comments ("(PST)"), missing weekdays, two-digit years, odd separators and
 * zone names; the hand-written pattern covers what the built-in parser rejects.
 */
export function parseMailDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const cleaned = value
    .slice(0, 200)
    .replace(/\([^)]*\)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!cleaned) return undefined;

  const m =
    /(\d{1,2})[\s-]+([A-Za-z]{3})[A-Za-z]*\.?[\s,-]+(\d{2,4})(?:\s+at\s+|[\s,T]+)(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\.\d+)?\s*(.*)$/.exec(
      cleaned,
    );
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    const day = Number(m[1]);
    const hour = Number(m[4]);
    if (month !== undefined && day >= 1 && day <= 31 && hour < 24) {
      let year = Number(m[3]);
      if (m[3]!.length <= 2) year += year < 50 ? 2000 : 1900;
      else if (m[3]!.length === 3) year += 1900;
      const t =
        Date.UTC(year, month, day, hour, Number(m[5]), Number(m[6] ?? 0)) -
        zoneOffsetMinutes(m[7] ?? "") * 60_000;
      const d = new Date(t);
      if (plausible(d)) return d.toISOString();
    }
  }

  // ISO forms and whatever else the built-in parser understands.
  const d = new Date(cleaned);
  return plausible(d) ? d.toISOString() : undefined;
}

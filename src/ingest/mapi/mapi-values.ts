import type { MapiProperties, MapiValue } from "./types.js";

/** Property key: a tagged property id (number) or a named-property key (string). */
export type PropKey = number | string;

export function getProp(props: MapiProperties, key: PropKey): MapiValue | undefined {
  return typeof key === "number" ? props.tagged.get(key) : props.named.get(key);
}

/**
 * Removes trailing NUL terminators. A loop, not /\0+$/: that regex is quadratic on long NUL
 * runs that are not at the end (hostile input).
 */
export function stripTrailingNuls(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** A trimmed, non-empty string (trailing NULs from ANSI streams removed), or undefined. */
export function cleanString(s: string): string | undefined {
  const t = stripTrailingNuls(s).trim();
  return t.length > 0 ? t : undefined;
}

/** ISO 8601 UTC for a valid date; undefined for an invalid one or Outlook's "no date" sentinel. */
export function isoDate(d: Date): string | undefined {
  const t = d.getTime();
  // Outlook writes 4501-01-01 (and sometimes year 1601 or 0) to mean "none".
  if (!Number.isFinite(t) || d.getUTCFullYear() >= 4500 || d.getUTCFullYear() <= 1601) return undefined;
  return d.toISOString();
}

/** The property as text: strings, string lists (joined with "; ") and dates (ISO). */
export function textOf(value: MapiValue | undefined): string | undefined {
  if (typeof value === "string") return cleanString(value);
  if (value instanceof Date) return isoDate(value);
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (const v of value) {
      const t = typeof v === "string" ? cleanString(v) : v instanceof Date ? isoDate(v) : undefined;
      if (t) parts.push(t);
    }
    return parts.length > 0 ? parts.join("; ") : undefined;
  }
  return undefined;
}

export function stringProp(props: MapiProperties, key: PropKey): string | undefined {
  const v = getProp(props, key);
  return typeof v === "string" ? cleanString(v) : undefined;
}

export function textProp(props: MapiProperties, key: PropKey): string | undefined {
  return textOf(getProp(props, key));
}

export function numberProp(props: MapiProperties, key: PropKey): number | undefined {
  const v = getProp(props, key);
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "bigint") return Number(v);
  return undefined;
}

export function boolProp(props: MapiProperties, key: PropKey): boolean | undefined {
  const v = getProp(props, key);
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  return undefined;
}

export function dateProp(props: MapiProperties, key: PropKey): string | undefined {
  const v = getProp(props, key);
  return v instanceof Date ? isoDate(v) : undefined;
}

export function bytesProp(props: MapiProperties, key: PropKey): Uint8Array | undefined {
  const v = getProp(props, key);
  return v instanceof Uint8Array ? v : undefined;
}

/** The first of several keys that has a text value. */
export function firstText(props: MapiProperties, keys: readonly PropKey[]): string | undefined {
  for (const k of keys) {
    const t = textProp(props, k);
    if (t) return t;
  }
  return undefined;
}

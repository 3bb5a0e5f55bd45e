const cache = new Map<string, boolean>();

function decoderExists(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/**
 * True when a charset label can be decoded faithfully: the WHATWG TextDecoder (which the MIME
 * parser uses) knows it as written, without its "x-"/"cs" prefix and separators, or as a Windows
 * code page ("cp1252", "ms-1251"). Anything else the parser decodes as a guess, which the
 * caller records as `charset-unknown`.
 */
export function isKnownCharset(label: string): boolean {
  const key = label.trim().toLowerCase();
  if (key === "") return true;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const normalized = key.replace(/^(?:x-ms-|x-|cs)/, "").replace(/[\s._-]+/g, "");
  const codePage = /^(?:cp|ms|windows|ibm)?(\d{3,5})$/.exec(normalized)?.[1];
  const known =
    decoderExists(key) ||
    decoderExists(normalized) ||
    (codePage !== undefined && decoderExists(`windows-${codePage}`)) ||
    (codePage !== undefined && decoderExists(`cp${codePage}`));
  if (cache.size < 1000) cache.set(key, known);
  return known;
}

/** Charset labels of RFC 2047 encoded words ("=?iso-8859-1?Q?…?=") found in a header block. */
export function encodedWordCharsets(headerText: string): string[] {
  const found = new Set<string>();
  for (const m of headerText.matchAll(/=\?([^?*\s]{1,64})(?:\*[^?\s]*)?\?[bBqQ]\?/g)) {
    found.add(m[1]!.toLowerCase());
    if (found.size > 50) break;
  }
  return [...found];
}

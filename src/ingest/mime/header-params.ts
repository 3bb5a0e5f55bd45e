/** A structured MIME header value (Content-Type, Content-Disposition) split into its value and parameters. */
export interface StructuredValue {
  /** The value before the first ";", lowercased and trimmed ("multipart/mixed"). */
  value: string;
  /** Parameters by lowercased name; RFC 2231 continuations ("name*0*") are joined under "name". */
  params: Record<string, string>;
}

/** Removes RFC 822 comments outside quoted strings ("text/plain (note); charset=x"). */
function stripComments(input: string): string {
  let out = "";
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (c === "\\" && i + 1 < input.length) {
      if (depth === 0) out += c + input[i + 1];
      i++;
      continue;
    }
    if (!quoted && c === "(") {
      depth++;
      continue;
    }
    if (!quoted && c === ")" && depth > 0) {
      depth--;
      continue;
    }
    if (depth > 0) continue;
    if (c === '"') quoted = !quoted;
    out += c;
  }
  return out;
}

function unquote(raw: string): string {
  const v = raw.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
    return v.slice(1, -1).replace(/\\(.)/g, "$1");
  }
  // A quote that never closes: keep what follows it.
  return v.startsWith('"') ? v.slice(1) : v;
}

/**
 * Parses `value; a=b; c="d;e"`. Tolerant by design: malformed parameters are skipped, never
 * thrown on, because this runs on every part of hostile messages.
 */
export function parseStructuredHeader(input: string): StructuredValue {
  const text = stripComments(input.length > 16_384 ? input.slice(0, 16_384) : input);
  const pieces: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\" && quoted && i + 1 < text.length) {
      current += c + text[i + 1];
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ";" && !quoted) {
      pieces.push(current);
      current = "";
      continue;
    }
    current += c;
  }
  pieces.push(current);

  const value = (pieces[0] ?? "").trim().toLowerCase();
  const params: Record<string, string> = {};
  const continued = new Map<string, { index: number; text: string; encoded: boolean }[]>();
  for (const piece of pieces.slice(1)) {
    const eq = piece.indexOf("=");
    if (eq <= 0) continue;
    const key = piece.slice(0, eq).trim().toLowerCase();
    const raw = piece.slice(eq + 1);
    const m = /^([^*]+)\*(\d+)(\*?)$/.exec(key);
    if (m) {
      const list = continued.get(m[1]!) ?? [];
      list.push({ index: Number(m[2]), text: m[3] ? raw.trim() : unquote(raw), encoded: m[3] === "*" });
      continued.set(m[1]!, list);
    } else if (key.endsWith("*")) {
      const name = key.slice(0, -1);
      if (!Object.hasOwn(params, name)) params[name] = decodeRfc2231(raw.trim(), true);
    } else if (!Object.hasOwn(params, key)) {
      params[key] = unquote(raw);
    }
  }
  for (const [name, list] of continued) {
    if (Object.hasOwn(params, name)) continue;
    list.sort((a, b) => a.index - b.index);
    const first = list[0];
    const joined = list.map((p) => p.text).join("");
    params[name] = first?.encoded ? decodeRfc2231(joined, true) : joined;
  }
  return { value, params };
}

/** Decodes `charset'lang'%XX…` (RFC 2231 extended value). Unknown charsets fall back to UTF-8. */
function decodeRfc2231(raw: string, hasCharset: boolean): string {
  let charset = "utf-8";
  let data = raw;
  if (hasCharset) {
    const parts = raw.split("'");
    if (parts.length >= 3) {
      charset = parts[0] || "utf-8";
      data = parts.slice(2).join("'");
    }
  }
  const bytes: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c === 0x25 && /^[0-9a-fA-F]{2}$/.test(data.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(data.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(c & 0xff);
    }
  }
  try {
    return new TextDecoder(charset).decode(Uint8Array.from(bytes));
  } catch {
    return new TextDecoder().decode(Uint8Array.from(bytes));
  }
}

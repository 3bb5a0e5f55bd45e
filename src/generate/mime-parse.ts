/**
 * A deliberately small MIME reader used by the generator's tests to prove that what was
 * written decodes back to the text the truth describes. Not a general-purpose parser.
 */
export interface ParsedPart {
  headers: Map<string, string>;
  text?: string;
  attachments: { name: string; mediaType: string; bytes: Buffer; message?: ParsedPart }[];
}

export function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) {
      const k = line.slice(0, i).toLowerCase();
      if (!headers.has(k)) headers.set(k, line.slice(i + 1).trim());
    }
  }
  return headers;
}

export function decodeWords(value: string): string {
  return value.replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_m, b64: string) =>
    Buffer.from(b64, "base64").toString("utf8"),
  );
}

export function decodeQuotedPrintable(text: string): Buffer {
  const soft = text.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i];
    if (c === "=" && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c ?? "", "utf8"));
    }
  }
  return Buffer.from(bytes);
}

function decodeBody(body: string, encoding: string): Buffer {
  const e = encoding.toLowerCase();
  if (e === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64");
  if (e === "quoted-printable") return decodeQuotedPrintable(body);
  return Buffer.from(body, "utf8");
}

function param(value: string, name: string): string | undefined {
  const m = new RegExp(`${name}="?([^";]+)"?`, "i").exec(value);
  return m?.[1];
}

/** Parses one message; the text is normalised to "\n" line ends. */
export function parseMessage(source: string): ParsedPart {
  const src = source.replace(/\r\n/g, "\n");
  const split = src.indexOf("\n\n");
  const headers = parseHeaders(split < 0 ? src : src.slice(0, split));
  const body = split < 0 ? "" : src.slice(split + 2);
  const result: ParsedPart = { headers, attachments: [] };
  walk(headers, body, result);
  return result;
}

function walk(headers: Map<string, string>, body: string, into: ParsedPart): void {
  const type = headers.get("content-type") ?? "text/plain";
  const mediaType = type.split(";")[0]!.trim().toLowerCase();
  if (mediaType.startsWith("multipart/")) {
    const boundary = param(type, "boundary");
    if (!boundary) return;
    const sections = body.split(`--${boundary}`);
    for (const section of sections.slice(1)) {
      if (section.startsWith("--")) break;
      const s = section.replace(/^\n/, "");
      const i = s.indexOf("\n\n");
      walk(parseHeaders(s.slice(0, i)), s.slice(i + 2).replace(/\n$/, ""), into);
    }
    return;
  }
  const disposition = headers.get("content-disposition") ?? "";
  const name = decodeWords(param(disposition, "filename") ?? param(type, "name") ?? "");
  if (mediaType === "message/rfc822") {
    into.attachments.push({ name, mediaType, bytes: Buffer.from(body), message: parseMessage(body) });
    return;
  }
  const bytes = decodeBody(body, headers.get("content-transfer-encoding") ?? "7bit");
  if (mediaType === "text/plain" && !disposition.startsWith("attachment") && into.text === undefined) {
    into.text = bytes.toString("utf8");
  } else if (disposition.startsWith("attachment")) {
    into.attachments.push({ name, mediaType, bytes });
  }
}

/** Splits an mboxrd file into message sources, undoing the ">From " escaping. */
export function splitMbox(mbox: string): string[] {
  const out: string[] = [];
  const parts = mbox.split(/^From [^\n]*\n/m).slice(1);
  for (const p of parts) out.push(p.replace(/\n$/, "").replace(/^>(>*From )/gm, "$1"));
  return out;
}

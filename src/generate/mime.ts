/** Just enough MIME (RFC 2045-2047, 5322) to write realistic messages, all in 7-bit ASCII. */

export interface MailAddress {
  name?: string;
  email: string;
}

export type BodyEncoding = "7bit" | "quoted-printable" | "base64";

/** "\n" for MBOX, "\r\n" for EML. */
export type Eol = "\n" | "\r\n";

export interface MimeAttachment {
  name: string;
  mediaType: string;
  /** Base64 of the bytes in 76-character lines joined by `eol` (see base64Lines). */
  base64?: (eol: Eol) => string;
  /** For message/rfc822: the attached message's source, lines joined by "\n", 7-bit. */
  message?: string;
}

export interface MimeMessage {
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  date: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  text: string;
  html?: string;
  textEncoding: BodyEncoding;
  attachments: MimeAttachment[];
  headers?: [string, string][];
  /** Seeds the boundary strings so output is deterministic. */
  boundarySeed: string;
}

const NON_ASCII = /[^\x20-\x7e]/;

/** RFC 2047 encoded-word for header text that is not plain ASCII. */
export function encodeWord(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return `=?UTF-8?B?${Buffer.from(text, "utf8").toString("base64")}?=`;
}

export function formatAddress(a: MailAddress): string {
  if (!a.name) return `<${a.email}>`;
  if (NON_ASCII.test(a.name)) return `${encodeWord(a.name)} <${a.email}>`;
  return /[(),.:;<>@[\]"\\]/.test(a.name)
    ? `"${a.name.replace(/["\\]/g, "\\$&")}" <${a.email}>`
    : `${a.name} <${a.email}>`;
}

/** Quoted-printable (RFC 2045 §6.7) of UTF-8 text; input lines end in "\n", output lines in "\n". */
export function quotedPrintable(text: string): string {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    const bytes = Buffer.from(line, "utf8");
    let cur = "";
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] as number;
      const last = i === bytes.length - 1;
      let tok: string;
      if ((b === 0x20 || b === 0x09) && !last) tok = String.fromCharCode(b);
      else if (b >= 0x21 && b <= 0x7e && b !== 0x3d) tok = String.fromCharCode(b);
      else tok = `=${b.toString(16).toUpperCase().padStart(2, "0")}`;
      if (cur.length + tok.length > 75) {
        out.push(`${cur}=`);
        cur = "";
      }
      cur += tok;
    }
    out.push(cur);
  }
  return out.join("\n");
}

export function base64Lines(bytes: Uint8Array, eol: Eol = "\n"): string {
  const b64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join(eol);
}

/** mboxrd: every line starting with zero or more ">" then "From " gains one more ">". */
export function escapeFromLines(text: string): string {
  return text.replace(/^(>*From )/gm, ">$1");
}

function encodeBody(text: string, encoding: BodyEncoding): string {
  if (encoding === "base64") return base64Lines(Buffer.from(text, "utf8"));
  if (encoding === "quoted-printable") return quotedPrintable(text);
  return text;
}

function contentHeaders(mediaType: string, encoding: BodyEncoding): string {
  const charset = mediaType.startsWith("text/")
    ? `; charset="${encoding === "7bit" ? "us-ascii" : "utf-8"}"`
    : "";
  return `Content-Type: ${mediaType}${charset}\nContent-Transfer-Encoding: ${encoding}\n`;
}

function fileName(name: string): string {
  return NON_ASCII.test(name) ? `"${encodeWord(name)}"` : `"${name.replace(/"/g, "")}"`;
}

/**
 * Renders a message as 7-bit text with `eol` line ends. With `mboxrd`, text parts are escaped
 * for an mboxrd file (base64 never needs it). Attachment bodies come already in `eol` lines,
 * so large files are never rescanned.
 */
export function renderMessage(m: MimeMessage, mboxrd: boolean, eol: Eol = "\n"): string {
  const esc = mboxrd ? escapeFromLines : (s: string) => s;
  const fix = eol === "\n" ? (s: string) => s : (s: string) => s.replace(/\n/g, "\r\n");
  const h: string[] = [];
  h.push(`From: ${formatAddress(m.from)}`);
  if (m.to.length) h.push(`To: ${m.to.map(formatAddress).join(",\n ")}`);
  if (m.cc.length) h.push(`Cc: ${m.cc.map(formatAddress).join(",\n ")}`);
  h.push(`Subject: ${encodeWord(m.subject)}`);
  h.push(`Date: ${m.date}`);
  h.push(`Message-ID: ${m.messageId}`);
  if (m.inReplyTo) h.push(`In-Reply-To: ${m.inReplyTo}`);
  if (m.references?.length) h.push(`References: ${m.references.join("\n ")}`);
  for (const [k, v] of m.headers ?? []) h.push(`${k}: ${v}`);
  h.push("MIME-Version: 1.0");

  // The line break before a boundary belongs to the boundary, so parts carry no extra one.
  const textPart = `${contentHeaders("text/plain", m.textEncoding)}\n${esc(encodeBody(m.text, m.textEncoding))}`;
  let body: string;
  if (m.html !== undefined) {
    const b = `alt_${m.boundarySeed}`;
    const htmlEnc: BodyEncoding = m.textEncoding === "7bit" ? "quoted-printable" : m.textEncoding;
    body =
      `Content-Type: multipart/alternative; boundary="${b}"\n\n` +
      `--${b}\n${textPart}\n--${b}\n${contentHeaders("text/html", htmlEnc)}\n${esc(encodeBody(m.html, htmlEnc))}\n--${b}--\n`;
  } else {
    body = textPart;
  }
  if (m.attachments.length > 0) {
    const b = `mix_${m.boundarySeed}`;
    const parts = [
      fix(
        `${h.join("\n")}\nContent-Type: multipart/mixed; boundary="${b}"\n\nThis is a multi-part message in MIME format.\n\n--${b}\n${body}\n`,
      ),
    ];
    for (const a of m.attachments) {
      if (a.message !== undefined) {
        parts.push(
          fix(
            `--${b}\nContent-Type: message/rfc822; name=${fileName(a.name)}\nContent-Disposition: attachment; filename=${fileName(a.name)}\n\n${esc(a.message)}\n`,
          ),
        );
      } else {
        parts.push(
          fix(
            `--${b}\nContent-Type: ${a.mediaType}; name=${fileName(a.name)}\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=${fileName(a.name)}\n\n`,
          ),
          a.base64?.(eol) ?? "",
          eol,
        );
      }
    }
    parts.push(fix(`--${b}--\n`));
    return parts.join("");
  }
  const out = `${h.join("\n")}\n${body}`;
  // Only a base64 body can lack a final line break; whitespace is ignored when decoding it.
  return fix(out.endsWith("\n") ? out : `${out}\n`);
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A simple HTML rendering of a plain-text body, as mail clients produce for multipart/alternative. */
export function textToHtml(text: string): string {
  const paras = text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>\n")}</p>`)
    .join("\n");
  return `<html><head><meta charset="utf-8"></head><body style="font-family:Calibri,Arial,sans-serif;font-size:11pt">\n${paras}\n</body></html>`;
}

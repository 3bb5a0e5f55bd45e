import { type Address, addressParser, decodeWords } from "postal-mime";
import type { MailHeaders } from "../../core/mail.js";
import { parseMailDate } from "./mail-date.js";

/** A header as `key` (lowercased) and unfolded `value`, in message order. */
export interface HeaderField {
  key: string;
  value: string;
}

/** "Name <addr>", or just the address / name when the other is missing. Groups are flattened. */
export function formatAddresses(list: readonly Address[] | undefined): string[] {
  const out: string[] = [];
  for (const a of list ?? []) {
    if (a.group) {
      for (const member of a.group) {
        const s = formatOne(member.name, member.address);
        if (s) out.push(s);
      }
      continue;
    }
    const s = formatOne(a.name, a.address ?? "");
    if (s) out.push(s);
  }
  return out;
}

function formatOne(name: string, address: string): string {
  const n = name.trim();
  const a = address.trim();
  if (n && a && n !== a) return `${n} <${a}>`;
  return a || n;
}

function parseAddressHeaders(fields: readonly HeaderField[], key: string): string[] {
  const out: string[] = [];
  for (const f of fields) {
    if (f.key !== key || !f.value) continue;
    try {
      out.push(...formatAddresses(addressParser(f.value)));
    } catch {
      // An address list the parser cannot read is kept as written.
      out.push(f.value.trim());
    }
  }
  return out;
}

function decoded(fields: readonly HeaderField[], key: string): string | undefined {
  const f = fields.find((h) => h.key === key && h.value);
  if (!f) return undefined;
  try {
    return decodeWords(f.value);
  } catch {
    return f.value;
  }
}

/** One address header's value as "Name <addr>, …" (falls back to the raw value). */
export function formatAddressHeader(value: string): string {
  try {
    const list = formatAddresses(addressParser(value));
    return list.length > 0 ? list.join(", ") : value.trim();
  } catch {
    return value.trim();
  }
}

/** Maps a message's top headers to MailHeaders (addresses formatted, subject decoded, date in UTC). */
export function mailHeadersFrom(fields: readonly HeaderField[]): MailHeaders {
  const headers: MailHeaders = {
    to: parseAddressHeaders(fields, "to"),
    cc: parseAddressHeaders(fields, "cc"),
    bcc: parseAddressHeaders(fields, "bcc"),
  };
  const from = parseAddressHeaders(fields, "from");
  if (from.length > 0) headers.from = from.join(", ");
  const date = parseMailDate(fields.find((h) => h.key === "date")?.value);
  if (date) headers.date = date;
  const subject = decoded(fields, "subject");
  if (subject !== undefined) headers.subject = subject;
  const messageId = fields.find((h) => h.key === "message-id" && h.value)?.value.trim();
  if (messageId) headers.messageId = messageId;
  const inReplyTo = fields.find((h) => h.key === "in-reply-to" && h.value)?.value.trim();
  if (inReplyTo) headers.inReplyTo = inReplyTo;
  return headers;
}

/** Splits a raw header block into unfolded fields (used when the MIME parser gave up). */
export function headerFieldsOf(block: string): HeaderField[] {
  const out: HeaderField[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && out.length > 0) {
      out[out.length - 1]!.value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    out.push({ key: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() });
  }
  return out;
}

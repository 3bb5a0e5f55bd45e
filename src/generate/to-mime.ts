import { guid } from "./audit-log.js";
import { easternOffset, rfc2822 } from "./dates.js";
import { base64Lines, type MimeAttachment, type MimeMessage, textToHtml } from "./mime.js";
import type { Outgoing } from "./outgoing.js";
import type { Random } from "./random.js";

/**
 * Turns a message into its MIME description: an Outlook-style Message-ID for the hospital's
 * mail, a varied transfer encoding, an HTML alternative most of the time, and attachments
 * whose base64 is computed once per file.
 */
export function toMime(
  m: Outgoing,
  at: number,
  n: number,
  rng: Random,
  domain: string,
): { mime: MimeMessage; messageId: string; text: string } {
  const internal = m.from.email.endsWith(`@${domain}`);
  const messageId = internal
    ? `<${rng.digits(6)}${guid(rng).replace(/-/g, "").slice(0, 16).toUpperCase()}@${m.fromStaff ? "BN8PR04MB" : "CH2PR11MB"}${rng.int(1000, 9999)}.namprd04.prod.outlook.com>`
    : `<${guid(rng).replace(/-/g, "")}.${n}@${m.from.email.split("@")[1]}>`;
  const text = m.body.toString();
  const nonAscii = /[^\x00-\x7f]/.test(text) || text.split("\n").some((l) => l.length > 900);
  const encoding = nonAscii
    ? rng.chance(0.6)
      ? "quoted-printable"
      : "base64"
    : rng.chance(0.3)
      ? "quoted-printable"
      : "7bit";
  const mimeAttachments: MimeAttachment[] = m.attachments.map((a) => {
    return {
      name: a.name,
      mediaType: a.mediaType,
      base64: (eol) => {
        if (eol === "\n") {
          a.base64 ??= base64Lines(a.bytes);
          return a.base64;
        }
        a.base64Crlf ??= base64Lines(a.bytes, eol);
        return a.base64Crlf;
      },
    };
  });
  if (m.forwardedSource)
    mimeAttachments.push({
      name: m.forwardedSource.name,
      mediaType: "message/rfc822",
      message: m.forwardedSource.source,
    });
  const mime: MimeMessage = {
    from: m.from,
    to: m.to,
    cc: m.cc,
    subject: m.subject.toString(),
    date: rfc2822(at, easternOffset(at)),
    messageId,
    inReplyTo: m.inReplyTo,
    references: m.references,
    text,
    html: rng.chance(0.85) ? textToHtml(text) : undefined,
    textEncoding: encoding,
    attachments: mimeAttachments,
    boundarySeed: `${guid(rng).replace(/-/g, "").slice(0, 20)}`,
    headers: [["X-MS-Has-Attach", mimeAttachments.length ? "yes" : ""]] as [string, string][],
  };
  return { mime, messageId, text };
}

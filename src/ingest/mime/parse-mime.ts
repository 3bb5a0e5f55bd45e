import PostalMime, { type Attachment, decodeWords, type Email } from "postal-mime";
import { describeError, type ExceptionInput } from "../../core/exception.js";
import type { Limits } from "../../core/limits.js";
import { emptyMessage, type MailAttachment, type MailMessage } from "../../core/mail.js";
import { encodedWordCharsets, isKnownCharset } from "./charset.js";
import { formatAddressHeader, type HeaderField, headerFieldsOf, mailHeadersFrom } from "./mail-headers.js";
import { type MimeLeaf, type MimeStructure, scanMimeStructure } from "./mime-structure.js";
import { extractSignedContent } from "./smime-signed.js";

export interface ParseMimeOptions {
  /** How deep this message is nested inside other messages (0 for a top-level message). */
  depth?: number;
}

const MAX_RAW_HEADER_BYTES = 1024 * 1024;
const ATTACHED_MESSAGE_TYPES = new Set(["message/rfc822", "message/global"]);
const PKCS7_TYPES = new Set(["application/pkcs7-mime", "application/x-pkcs7-mime"]);

function safeLabel(label: string): string {
  return label.replace(/[^\w.:+-]/g, "?").slice(0, 40);
}

function toBytes(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === "string") return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

function truncateText(text: string | undefined, limits: Limits, where: string, out: ExceptionInput[]) {
  if (text === undefined || text.length <= limits.maxTextChars) return text;
  out.push({
    reason: "size-limit",
    detail: `${where} longer than ${limits.maxTextChars} characters; the rest was not kept`,
    where,
  });
  return text.slice(0, limits.maxTextChars);
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const windows1252 = new TextDecoder("windows-1252");

/**
 * The message's bytes up to its first blank line, as text, with trailing line breaks removed.
 * Headers should be ASCII, but old mail often carries raw Latin-1 names and subjects: when the
 * bytes are not valid UTF-8 they are read as windows-1252 (its superset) instead of being mangled.
 */
function rawHeaderBlock(bytes: Uint8Array, structure: MimeStructure): { text: string; legacy: boolean } {
  const block = bytes.subarray(0, Math.min(structure.headerEnd, MAX_RAW_HEADER_BYTES));
  let text: string;
  let legacy = false;
  try {
    text = strictUtf8.decode(block);
  } catch {
    text = windows1252.decode(block);
    legacy = true;
  }
  return { text: text.replace(/(?:\r?\n)+$/, ""), legacy };
}

/**
 * Parses one MIME message (EML, an MBOX entry, an attached message/rfc822) into a MailMessage.
 * Never throws: what cannot be read becomes an exception on the message or the attachment.
 */
export async function parseMime(
  bytes: Uint8Array,
  limits: Limits,
  options: ParseMimeOptions = {},
): Promise<MailMessage> {
  const message = emptyMessage("message", "rfc822");
  try {
    await fillMessage(message, bytes, limits, options.depth ?? 0);
  } catch (err) {
    message.exceptions.push({
      reason: "extract-failed",
      detail: `MIME message could not be read: ${describeError(err)}`,
    });
  }
  return message;
}

async function fillMessage(message: MailMessage, bytes: Uint8Array, limits: Limits, depth: number) {
  const structure = scanMimeStructure(bytes, limits);
  const raw = rawHeaderBlock(bytes, structure);
  message.rawHeaders = raw.text;
  if (raw.legacy) {
    message.exceptions.push({
      reason: "charset-unknown",
      detail: "headers hold 8-bit bytes that are not UTF-8; they were read as windows-1252",
    });
  }
  message.declaredAttachments = structure.leafCount - structure.bodyLeafCount;

  if (structure.partsExceeded) {
    message.exceptions.push({
      reason: "parts-limit",
      detail: `message has ${structure.partCount} MIME parts; only the first ${limits.maxParts} were read`,
    });
  }
  if (structure.depthExceeded) {
    message.exceptions.push({
      reason: "depth-limit",
      detail: `MIME parts are nested deeper than ${limits.maxDepth} levels; deeper parts and what follows them were not read`,
    });
  }
  const input = structure.truncateAt === undefined ? bytes : bytes.subarray(0, structure.truncateAt);

  let email: Email | undefined;
  try {
    email = await PostalMime.parse(input, {
      forceRfc822Attachments: true,
      attachmentEncoding: "arraybuffer",
      // The structure scan already cut the input at limits.maxDepth; this only keeps the parser from rejecting it.
      maxNestingDepth: Math.max(256, limits.maxDepth + 2),
      maxHeadersSize: Math.max(2 * 1024 * 1024, Math.min(limits.maxMessageBytes, 64 * 1024 * 1024)),
    });
  } catch (err) {
    message.exceptions.push({
      reason: "corrupt",
      detail: `MIME structure could not be parsed: ${describeError(err)}`,
    });
  }

  // The parser reads header bytes as UTF-8 only; legacy 8-bit headers are taken from the block read above.
  const fields: HeaderField[] = email && !raw.legacy ? email.headers : headerFieldsOf(message.rawHeaders);
  message.headers = mailHeadersFrom(fields);
  const replyTo = fields.find((f) => f.key === "reply-to" && f.value);
  if (replyTo) message.fields["Reply-To"] = formatAddressHeader(replyTo.value);
  // Google Takeout keeps Gmail labels (Inbox, Sent, user labels) in a header.
  const labels = fields.find((f) => f.key === "x-gmail-labels" && f.value);
  if (labels) {
    try {
      message.fields["Labels"] = decodeWords(labels.value);
    } catch {
      message.fields["Labels"] = labels.value;
    }
  }

  for (const label of [...structure.charsets, ...encodedWordCharsets(message.rawHeaders)]) {
    if (!isKnownCharset(label)) {
      message.exceptions.push({
        reason: "charset-unknown",
        detail: `charset "${safeLabel(label)}" is not supported; text was decoded as a best guess`,
      });
    }
  }
  if (!email) {
    if (message.declaredAttachments > 0) {
      message.exceptions.push({
        reason: "declared-not-read",
        detail: `${message.declaredAttachments} attachment parts declared, 0 read`,
      });
    }
    return;
  }

  const bodyText = truncateText(email.text, limits, "text body", message.exceptions);
  const bodyHtml = truncateText(email.html, limits, "HTML body", message.exceptions);
  if (bodyText !== undefined) message.bodyText = bodyText;
  if (bodyHtml !== undefined) message.bodyHtml = bodyHtml;

  const attachmentLeaves = structure.leaves.filter((l) => !l.isBody);
  const bodyLeaves = structure.leaves.filter((l) => l.isBody);
  for (const leaf of bodyLeaves) {
    if (leaf.encrypted) {
      message.exceptions.push({
        reason: "encrypted",
        detail: `body part ${leaf.id} holds a PGP-encrypted message`,
        where: `part ${leaf.id}`,
      });
    }
  }

  const list = email.attachments.slice(0, limits.maxParts);
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    const candidate: MimeLeaf | undefined = attachmentLeaves[i];
    // The scan and the parser walk the tree in the same order; only trust the pairing when the types agree.
    const leaf = candidate && candidate.contentType === a.mimeType ? candidate : undefined;
    if (PKCS7_TYPES.has(a.mimeType) && depth + 1 <= limits.maxDepth) {
      const signed = extractSignedContent(toBytes(a.content));
      if (signed) {
        await mergeSignedContent(message, signed, limits, depth);
        continue;
      }
    }
    message.attachments.push(await toAttachment(a, leaf, i + 1, limits, depth));
  }
  // Encrypted parts the parser did not return as attachments are still reported.
  for (let i = 0; i < attachmentLeaves.length; i++) {
    const leaf = attachmentLeaves[i]!;
    if (leaf.encrypted && !(i < list.length && list[i]!.mimeType === leaf.contentType)) {
      message.exceptions.push({
        reason: "encrypted",
        detail: `part ${leaf.id} is encrypted and was not read`,
        where: `part ${leaf.id}`,
      });
    }
  }

  if (message.attachments.length < message.declaredAttachments) {
    message.exceptions.push({
      reason: "declared-not-read",
      detail: `${message.declaredAttachments} attachment parts declared, ${message.attachments.length} read`,
    });
  }
}

/**
 * An opaque S/MIME signature wraps the real MIME entity: its bodies and attachments are
 * read as if they were the message's own, in place of the .p7m part.
 */
async function mergeSignedContent(message: MailMessage, entity: Uint8Array, limits: Limits, depth: number) {
  const inner = await parseMime(entity, limits, { depth: depth + 1 });
  if (message.bodyText === undefined && inner.bodyText !== undefined) message.bodyText = inner.bodyText;
  if (message.bodyHtml === undefined && inner.bodyHtml !== undefined) message.bodyHtml = inner.bodyHtml;
  message.attachments.push(...inner.attachments);
  message.declaredAttachments = (message.declaredAttachments ?? 0) - 1 + (inner.declaredAttachments ?? 0);
  message.exceptions.push(...inner.exceptions);
}

async function toAttachment(
  a: Attachment,
  leaf: MimeLeaf | undefined,
  index: number,
  limits: Limits,
  depth: number,
): Promise<MailAttachment> {
  const att: MailAttachment = { mediaType: a.mimeType, exceptions: [] };
  if (a.filename) att.name = a.filename;
  if (a.contentId) att.contentId = a.contentId.trim().replace(/^<|>$/g, "");
  if (a.disposition === "inline" || a.related) att.inline = true;
  const where = `attachment ${index}`;
  const bytes = toBytes(a.content);

  if (leaf?.encrypted) {
    att.exceptions.push({
      reason: "encrypted",
      detail: `part ${leaf.id} is S/MIME or PGP encrypted`,
      where: `part ${leaf.id}`,
    });
  }
  if (bytes.byteLength > limits.maxItemBytes) {
    att.exceptions.push({
      reason: "size-limit",
      detail: `${where} is ${bytes.byteLength} bytes, over the ${limits.maxItemBytes} byte limit`,
      where,
    });
    return att;
  }
  if (ATTACHED_MESSAGE_TYPES.has(a.mimeType)) {
    if (depth + 1 > limits.maxDepth) {
      att.exceptions.push({
        reason: "depth-limit",
        detail: `${where} is a message nested deeper than ${limits.maxDepth} levels; kept as a file`,
        where,
      });
      att.bytes = bytes;
      return att;
    }
    att.message = await parseMime(bytes, limits, { depth: depth + 1 });
    return att;
  }
  att.bytes = bytes;
  return att;
}

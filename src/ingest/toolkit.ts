import type { Limits } from "../core/limits.js";
import type { MailMessage } from "../core/mail.js";
import { detectType } from "./extract/detect-type.js";
import { htmlToText } from "./extract/html/index.js";
import { MEDIA } from "./extract/media-types.js";
import { extractorFor } from "./extract/registry.js";
import { deEncapsulateHtml, rtfToText } from "./extract/rtf/index.js";
import { parseMime } from "./mime/parse-mime.js";
import { parseMsg } from "./sources/msg/index.js";
import type { Toolkit } from "./toolkit-types.js";

const MESSAGE_TYPES = new Set<string>([MEDIA.eml, MEDIA.msg]);

const toolkit: Toolkit = {
  detectType,
  extractorFor,
  htmlToText,
  rtfToText,
  deEncapsulateHtml,
  isMessageType: (t) => MESSAGE_TYPES.has(t),
  async parseMessage(
    bytes: Uint8Array,
    mediaType: string,
    limits: Limits,
    depth: number,
  ): Promise<MailMessage> {
    if (mediaType === MEDIA.msg) return parseMsg(bytes, limits);
    return parseMime(bytes, limits, { depth });
  },
};

/** The real format modules, loaded once per thread. */
export async function loadToolkit(): Promise<Toolkit> {
  return toolkit;
}

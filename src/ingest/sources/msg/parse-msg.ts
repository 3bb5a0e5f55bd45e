import type { Limits } from "../../../core/limits.js";
import type { MailMessage } from "../../../core/mail.js";
import { mailFromMapi } from "../../mapi/mail-from-mapi.js";
import { mergeNotes } from "../../mapi/mapi-notes.js";
import { loadCfb } from "./cfb-tree.js";
import { readNameMap } from "./nameid.js";
import { HEADER_TOP_LEVEL } from "./property-stream.js";
import { readMessage } from "./read-msg-object.js";

/**
 * Parses an Outlook .msg file ([MS-OXMSG]). Throws only when the bytes are not an MSG at all;
 * damage inside the file is reported in `exceptions` of the message or attachment affected.
 * `depth` is how deeply the file is already nested, so embedded messages respect maxDepth.
 */
export function parseMsg(bytes: Uint8Array, limits: Limits, depth = 0): MailMessage {
  const root = loadCfb(bytes);
  if (!root.children.has("__PROPERTIES_VERSION1.0")) {
    throw new Error("compound file is not an Outlook message (no __properties_version1.0)");
  }
  const names = readNameMap(root);
  const read = readMessage(root, HEADER_TOP_LEVEL, { names: names.byId, limits, startDepth: depth }, 0);
  read.exceptions.unshift(...names.exceptions);
  const mail = mailFromMapi(read.mapi, { maxRtfBytes: limits.maxItemBytes });
  mergeNotes(mail, read);
  return mail;
}

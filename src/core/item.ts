import type { ExceptionInput } from "./exception.js";
import type { MailHeaders } from "./mail.js";

/**
 * What an item is. `messages` in reports counts the email-like kinds; `attachments` counts
 * attachments and container members. Folders give structure and carry declared counts.
 */
export type ItemKind =
  | "folder"
  | "message"
  | "appointment"
  | "contact"
  | "task"
  | "note"
  | "embedded-message"
  | "attachment"
  | "member"
  | "file";

export const MESSAGE_KINDS: readonly ItemKind[] = [
  "message",
  "appointment",
  "contact",
  "task",
  "note",
  "embedded-message",
];
export const ATTACHMENT_KINDS: readonly ItemKind[] = ["attachment", "member"];

/**
 * One item as ingest builds it, with its descendants: a message with its attachments, an
 * attachment with the members of the archive it is, and so on. A whole top-level entry is
 * written to the store in one transaction, so an interrupted run never leaves half of it.
 */
export interface ItemNode {
  provenance: string;
  kind: ItemKind;
  name?: string;
  mediaType: string;
  /** Bytes of the item's content (for messages: the sum of bodies and attachments). */
  size: number;
  /** SHA-256 of the content; for messages, of a canonical form of headers, bodies and attachment hashes. */
  sha256: string;
  text: string;
  headers?: MailHeaders;
  /** How many children the item declares (attachments, archive entries, pages), when it declares any. */
  declared?: number;
  meta?: Record<string, string | number | boolean>;
  exceptions: ExceptionInput[];
  /** Children that were declared but could not be read: recorded as exceptions at their path. */
  unreadable: { provenance: string; exception: ExceptionInput }[];
  children: ItemNode[];
}

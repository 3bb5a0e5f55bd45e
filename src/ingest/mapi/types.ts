/**
 * MAPI property values as Outlook formats store them (PST/OST, MSG, TNEF), decoded to JS.
 * Readers decode by property type; the mapping to a MailMessage is shared (mail-from-mapi.ts).
 */
export type MapiValue =
  | string
  | number
  | boolean
  | bigint
  | Date
  | Uint8Array
  | null
  | string[]
  | number[]
  | bigint[]
  | Date[]
  | Uint8Array[];

export interface MapiProperties {
  /** Tagged properties (ids 0x0001–0x7FFF) by property id (the upper 16 bits of the tag). */
  tagged: Map<number, MapiValue>;
  /**
   * Named properties (ids 0x8000 and up) resolved through the container's name-to-id map.
   * Key: the property set GUID in lowercase canonical form, ":" and then either the numeric
   * LID as "0x" + 4+ hex digits (lowercase) or the string name, e.g.
   * "00062004-0000-0000-c000-000000000046:0x8083" (PidLidEmail1EmailAddress).
   */
  named: Map<string, MapiValue>;
}

export interface MapiAttachment {
  props: MapiProperties;
  /** For attach method 5 (embedded message): the message object. */
  embedded?: MapiMessage;
}

export interface MapiMessage {
  props: MapiProperties;
  recipients: MapiProperties[];
  attachments: MapiAttachment[];
  /** How many attachments the message's attachment table declares (for the reconciliation). */
  declaredAttachments?: number;
}

export function emptyProperties(): MapiProperties {
  return { tagged: new Map(), named: new Map() };
}

import type { ExceptionInput } from "../../../../core/exception.js";
import type { MapiAttachment, MapiMessage } from "../../../mapi/types.js";

/**
 * A MapiMessage plus what went wrong while reading it. The extra fields are additive, so a
 * PstMessage can be passed wherever a MapiMessage is expected.
 */
export interface PstMessage extends MapiMessage {
  /** The message's NID (the embedded message object's NID for attached messages). */
  nid: number;
  attachments: PstAttachment[];
  exceptions: ExceptionInput[];
}

export interface PstAttachment extends MapiAttachment {
  embedded?: PstMessage;
  exceptions: ExceptionInput[];
}

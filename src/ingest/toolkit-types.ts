import type { Limits } from "../core/limits.js";
import type { MailMessage } from "../core/mail.js";
import type { Extractor } from "./extract/types.js";
import type { BodyConverters } from "./message-text.js";

/**
 * Everything node building needs from the format modules, gathered behind one interface so
 * that building is testable with stand-ins and the worker loads the real set once.
 */
export interface Toolkit extends BodyConverters {
  detectType(bytes: Uint8Array, name?: string, declared?: string): string;
  extractorFor(mediaType: string): Extractor | undefined;
  /**
   * Parses an attached or archived message (RFC 822 or Outlook MSG) found `depth` containers
   * deep. Throws when it is not one.
   */
  parseMessage(bytes: Uint8Array, mediaType: string, limits: Limits, depth: number): Promise<MailMessage>;
  isMessageType(mediaType: string): boolean;
}

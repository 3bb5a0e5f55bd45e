import type { Attachment } from "./attachment.js";
import type { MailAddress } from "./mime.js";
import type { Person } from "./people.js";
import type { Staff } from "./staff.js";
import type { TextDoc } from "./text-doc.js";

/** What a later reply or forward needs to know about the last message of a conversation. */
export interface Thread {
  subject: TextDoc;
  lastBody: TextDoc;
  lastFrom: MailAddress;
  lastFromStaff?: Staff;
  lastTo: MailAddress[];
  /** Staff among the last message's recipients (who could reply). */
  lastToStaff: Staff[];
  lastDate: string;
  messageIds: string[];
  attachments: Attachment[];
  /** The last message's source (LF, unescaped) when small enough to forward as an attachment. */
  source?: string;
  depth: number;
  /** The patient the conversation is about, when there is one. */
  about?: Person;
}

/** A bounded set of live conversations: memory stays flat however many messages are written. */
export class ThreadPool {
  private threads: Thread[] = [];

  constructor(private readonly max = 40) {}

  add(t: Thread): void {
    this.threads.push(t);
    if (this.threads.length > this.max) this.threads.shift();
  }

  get size(): number {
    return this.threads.length;
  }

  /** Takes a thread out; the caller adds it back with the new last message. */
  take(index: number): Thread | undefined {
    return this.threads.splice(index, 1)[0];
  }
}

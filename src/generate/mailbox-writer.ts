import { writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { asctime } from "./dates.js";
import { OutputFile } from "./output-file.js";

export const FOLDERS = ["Inbox", "Sent Items", "Deleted Items"] as const;
export type Folder = (typeof FOLDERS)[number];

export interface WrittenCopy {
  file: string;
  ordinal?: number;
  bytes: number;
}

/** Where one mailbox's messages go: a single MBOX file or a tree of EML files. */
export interface MailboxWriter {
  readonly format: "mbox" | "eml";
  /** `render("mbox")` gives "\n" ends with mboxrd escaping, `render("eml")` CRLF ends. */
  write(
    folder: Folder,
    envelopeFrom: string,
    at: number,
    render: (format: "mbox" | "eml") => string,
  ): Promise<WrittenCopy>;
  close(): Promise<void>;
  bytes(): number;
}

/** An mboxrd file: "From " separator lines, ">From " escaping done by the renderer. */
export class MboxWriter implements MailboxWriter {
  readonly format = "mbox";
  private out: OutputFile;
  private count = 0;

  constructor(
    outDir: string,
    private readonly rel: string,
  ) {
    // Rendered mail is 7-bit ASCII, so latin1 is exact and cheaper than UTF-8.
    this.out = new OutputFile(join(outDir, rel), "latin1");
  }

  async write(
    folder: Folder,
    envelopeFrom: string,
    at: number,
    render: (f: "mbox") => string,
  ): Promise<WrittenCopy> {
    const text = `From ${envelopeFrom} ${asctime(at)}\nX-Folder: ${folder}\n${render("mbox")}\n`;
    const before = this.out.bytes;
    await this.out.write(text);
    this.count++;
    return { file: this.rel, ordinal: this.count, bytes: this.out.bytes - before };
  }

  close(): Promise<void> {
    return this.out.close();
  }

  bytes(): number {
    return this.out.bytes;
  }
}

/** One .eml file per message, numbered per folder: <user>/<folder>/<n>.eml. */
export class EmlWriter implements MailboxWriter {
  readonly format = "eml";
  private counters = new Map<Folder, number>();
  private made = new Set<Folder>();
  private total = 0;

  constructor(
    private readonly outDir: string,
    private readonly rel: string,
  ) {}

  async write(
    folder: Folder,
    _envelopeFrom: string,
    _at: number,
    render: (f: "eml") => string,
  ): Promise<WrittenCopy> {
    const n = (this.counters.get(folder) ?? 0) + 1;
    this.counters.set(folder, n);
    if (!this.made.has(folder)) {
      await mkdir(join(this.outDir, this.rel, folder), { recursive: true });
      this.made.add(folder);
    }
    const file = `${this.rel}/${folder}/${n}.eml`;
    const text = render("eml");
    // Small files: a synchronous write costs less than a promise round trip through the pool.
    writeFileSync(join(this.outDir, file), text, "latin1");
    this.total += text.length;
    return { file, bytes: text.length };
  }

  async close(): Promise<void> {}

  bytes(): number {
    return this.total;
  }
}

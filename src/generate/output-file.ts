import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";

/** A write stream that respects back-pressure and counts the bytes written. */
export class OutputFile {
  private stream: WriteStream;
  bytes = 0;

  constructor(
    readonly path: string,
    private readonly encoding: "utf8" | "latin1" = "utf8",
  ) {
    // A large buffer: fewer drain waits when writing hundreds of MB.
    this.stream = createWriteStream(path, { highWaterMark: 1 << 20 });
  }

  async write(text: string): Promise<void> {
    this.bytes += this.encoding === "latin1" ? text.length : Buffer.byteLength(text, "utf8");
    if (!this.stream.write(text, this.encoding)) await once(this.stream, "drain");
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      this.stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
  }
}

import { createGunzip } from "node:zlib";
import { describeError } from "../../../core/exception.js";
import type { Extractor } from "../types.js";

/** Name of the file inside a .gz: the outer name without its .gz/.gzip suffix. */
function innerName(name: string | undefined): string {
  if (!name) return "content";
  const stripped = name.replace(/\.(gz|gzip)$/i, "");
  return stripped === name ? `${name}.content` : stripped;
}

/**
 * A gzip file holds one member. It is inflated with a hard cap on output size and ratio
 * (never trusting the trailer's stated size), so a gzip bomb stops early.
 */
export const gzipExtractor: Extractor = async (input) => {
  const { limits } = input;
  const cap = Math.min(limits.maxItemBytes, Math.max(1, input.bytes.byteLength) * limits.maxCompressionRatio);
  const chunks: Buffer[] = [];
  let total = 0;
  let stopped: "size-limit" | "ratio-limit" | undefined;
  let error: unknown;
  await new Promise<void>((resolve) => {
    const z = createGunzip();
    z.on("data", (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > cap) {
        stopped = cap === limits.maxItemBytes ? "size-limit" : "ratio-limit";
        z.destroy();
        resolve();
        return;
      }
      chunks.push(chunk);
    });
    z.on("error", (err) => {
      error = err;
      resolve();
    });
    z.on("end", () => resolve());
    z.on("close", () => resolve());
    z.end(input.bytes);
  });
  const name = innerName(input.name);
  if (stopped) {
    return {
      text: "",
      declared: 1,
      children: [
        {
          type: "unreadable",
          name,
          exception: { reason: stopped, detail: `inflated size passed ${cap} bytes; stopped` },
        },
      ],
      exceptions: [],
    };
  }
  const bytes = Buffer.concat(chunks);
  const exceptions = error
    ? [
        {
          reason: "truncated" as const,
          detail: `gzip stream is damaged after ${total} bytes: ${describeError(error)}`,
        },
      ]
    : [];
  if (error && bytes.byteLength === 0) {
    return {
      text: "",
      declared: 1,
      children: [],
      exceptions: [{ reason: "corrupt", detail: describeError(error) }],
    };
  }
  return { text: "", declared: 1, children: [{ type: "file", name, bytes }], exceptions };
};

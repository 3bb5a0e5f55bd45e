import { closeSync, openSync, readSync } from "node:fs";
import { extname } from "node:path";
import { gunzipSync } from "node:zlib";

/** How ingest reads a source file. "file" means a single document extracted as one item. */
export type SourceFormat = "pst" | "msg" | "eml" | "mbox" | "zip" | "file";

const HEADER_LINE = /^(?:[!-9;-~]+):[ \t]?/;

function readHead(path: string, n: number): Buffer {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

function looksLikeMbox(head: Buffer): boolean {
  return head.subarray(0, 5).toString("latin1") === "From ";
}

/** True when the text starts with a block of RFC 822 header fields. */
export function looksLikeRfc822(head: Buffer): boolean {
  const text = head.subarray(0, 4096).toString("latin1");
  const lines = text.split(/\r?\n/).slice(0, 12);
  let fields = 0;
  let known = 0;
  for (const line of lines) {
    if (line === "") break;
    if (/^[ \t]/.test(line)) continue;
    if (!HEADER_LINE.test(line)) return false;
    fields++;
    if (
      /^(received|from|to|subject|date|message-id|mime-version|return-path|delivered-to|x-[\w-]+):/i.test(
        line,
      )
    )
      known++;
  }
  return fields >= 2 && known >= 1;
}

function gunzipHead(head: Buffer): Buffer | undefined {
  try {
    return gunzipSync(head, { finishFlush: 2 /* Z_SYNC_FLUSH: tolerate a truncated stream */ });
  } catch {
    return undefined;
  }
}

/** Decides how to read a source from its first bytes, falling back to its extension. */
export function sourceFormat(path: string): SourceFormat {
  const head = readHead(path, 64 * 1024);
  const ext = extname(path).toLowerCase();
  if (head.subarray(0, 4).toString("latin1") === "!BDN") return "pst";
  if (head.length >= 8 && head.readUInt32LE(0) === 0xe011cfd0 && head.readUInt32LE(4) === 0xe11ab1a1) {
    return ext === ".msg" || head.includes("__substg1.0_", 0, "utf16le") ? "msg" : "file";
  }
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const inner = gunzipHead(head);
    if (inner && looksLikeMbox(inner)) return "mbox";
    if (inner && looksLikeRfc822(inner)) return "eml";
    return "file";
  }
  if (
    head.subarray(0, 4).toString("latin1") === "PK\u0003\u0004" ||
    head.subarray(0, 4).toString("latin1") === "PK\u0005\u0006"
  ) {
    // Office documents are ZIPs too; only a plain archive is expanded as a source.
    const names = head.toString("latin1");
    if (/\[Content_Types\]\.xml|^mimetype|META-INF\/manifest/m.test(names) && ![".zip"].includes(ext))
      return "file";
    return "zip";
  }
  if (looksLikeMbox(head)) return "mbox";
  if (looksLikeRfc822(head)) return "eml";
  if ([".mbox", ".mbx"].includes(ext)) return "mbox";
  if ([".eml", ".emlx"].includes(ext)) return "eml";
  return "file";
}

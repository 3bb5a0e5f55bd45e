import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import type { SourceRow, Store } from "../store/types.js";
import { currentActor } from "./case.js";

export interface FileDigest {
  size: number;
  sha256: string;
}

/** Files up to this size are hashed from one read; larger ones are streamed. */
const WHOLE_READ_BYTES = 8 * 1024 * 1024;

/** SHA-256 of a file, streamed for large files (constant memory). */
export async function digestFile(path: string): Promise<FileDigest> {
  const info = await stat(path);
  if (info.size <= WHOLE_READ_BYTES) {
    const bytes = await readFile(path);
    return { size: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex") };
  }
  const hash = createHash("sha256");
  await new Promise<void>((res, rej) => {
    createReadStream(path, { highWaterMark: 1 << 20 })
      .on("data", (chunk) => hash.update(chunk))
      .on("error", rej)
      .on("end", () => res());
  });
  return { size: info.size, sha256: hash.digest("hex") };
}

export interface Registration {
  source: SourceRow;
  /** False when a file with the same SHA-256 was registered before (it is not processed twice). */
  isNew: boolean;
}

/**
 * Records a source file in the evidence registry (chain of custody): path, size, SHA-256,
 * when, by whom. Content already registered is recognised by its SHA-256 and not read again.
 */
export async function registerSource(
  store: Store,
  path: string,
  digest: FileDigest,
  format: string,
  parentId: number | null = null,
): Promise<Registration> {
  const actor = currentActor();
  const existing = await store.findSourceBySha(digest.sha256);
  if (existing) {
    // Same content at another path (the same message exported from two mailboxes, or a copy
    // of the evidence): read once, but every place it was found is kept.
    await store.addSourcePath(existing.id, path, actor);
    return { source: existing, isNew: false };
  }
  const source = await store.addSource({
    path,
    size: digest.size,
    sha256: digest.sha256,
    format,
    parentId,
    addedBy: actor,
  });
  await store.addSourcePath(source.id, path, actor);
  return { source, isNew: true };
}

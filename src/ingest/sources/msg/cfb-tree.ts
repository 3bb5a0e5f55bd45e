import CFB from "cfb";
import { CFB_TYPE, type CfbEntry, CfbFile, hasCfbSignature } from "./cfb-reader.js";

/** One storage or stream of a Compound File, with children keyed by upper-cased name. */
export interface CfbNode {
  name: string;
  /** Present for streams. */
  stream?: Uint8Array;
  /** For a stream that could not be read whole: what was wrong (never its content). */
  damage?: string;
  children: Map<string, CfbNode>;
}

export const isCfb = hasCfbSignature;

/** Storages nested deeper than this are not read (an MSG needs a handful per embedded message). */
const MAX_STORAGE_DEPTH = 256;

/** Parses a Compound File Binary into a tree. Throws when the bytes are not a readable CFB. */
export function loadCfb(bytes: Uint8Array): CfbNode {
  const file = new CfbFile(bytes);
  const visited = new Set<number>([0]);
  const root = file.entries[0] as CfbEntry;
  const build = (entry: CfbEntry, node: CfbNode, depth: number) => {
    if (depth > MAX_STORAGE_DEPTH) return;
    for (const child of file.childrenOf(entry, visited)) {
      const key = child.name.toUpperCase();
      if (node.children.has(key)) continue;
      const c: CfbNode = { name: child.name, children: new Map() };
      node.children.set(key, c);
      if (child.type === CFB_TYPE.stream) {
        const data = file.read(child);
        c.stream = data.bytes;
        if (data.damage) c.damage = data.damage;
      } else {
        build(child, c, depth + 1);
      }
    }
  };
  const tree: CfbNode = { name: "", children: new Map() };
  build(root, tree, 0);
  return tree;
}

/** Serializes a storage and everything below it as a standalone Compound File (OLE attachments). */
export function storageToCfb(node: CfbNode): Uint8Array {
  const out = CFB.utils.cfb_new();
  const add = (n: CfbNode, prefix: string) => {
    for (const child of n.children.values()) {
      const path = `${prefix}${child.name}`;
      if (child.stream) CFB.utils.cfb_add(out, path, Buffer.from(child.stream));
      else add(child, `${path}/`);
    }
  };
  add(node, "/");
  const written: unknown = CFB.write(out, { type: "buffer" });
  return written instanceof Uint8Array ? written : new Uint8Array(0);
}

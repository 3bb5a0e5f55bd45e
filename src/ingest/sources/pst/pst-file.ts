import type { ExceptionInput } from "../../../core/exception.js";
import type { Limits } from "../../../core/limits.js";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import { NodeScope } from "./ltp/node-scope.js";
import { readPropertyContext } from "./ltp/property-context.js";
import { TableContext } from "./ltp/table-context.js";
import type { PstFolder } from "./messaging/folders.js";
import { readFolder } from "./messaging/folders.js";
import { readMessage } from "./messaging/message-reader.js";
import type { NameMap } from "./messaging/name-map.js";
import { readNameMap } from "./messaging/name-map.js";
import type { NidSet } from "./messaging/nid-set.js";
import { companionNid, NID_MESSAGE_STORE, NID_ROOT_FOLDER, NID_TYPE, nidType } from "./messaging/nids.js";
import type { PstMessage } from "./messaging/pst-message.js";
import type { ByteSource } from "./ndb/file-source.js";
import { FileSource } from "./ndb/file-source.js";
import type { PstFormatName } from "./ndb/header.js";
import type { NdbOptions } from "./ndb/ndb.js";
import { Ndb } from "./ndb/ndb.js";
import { hex, toException } from "./ndb/pst-error.js";

/** One row of a contents table: a message NID, or a row that could not be read. */
export type ContentRow = { nid: number; index: number } | { index: number; exception: ExceptionInput };

export interface PstFolderNode {
  folder: PstFolder;
  children: PstFolderNode[];
}

export interface OpenOptions extends NdbOptions {
  limits?: Limits;
}

/** Folders nested deeper than this are reported instead of followed (guards against cycles). */
const MAX_FOLDER_DEPTH = 256;

/**
 * A PST or OST file opened for reading: the folder tree with declared counts, and messages by
 * NID. Use `close()` when done; nothing else holds the file open.
 */
export class PstFile {
  readonly ndb: Ndb;
  readonly names: NameMap;
  readonly limits: Limits;
  /** Display name of the message store ("" when absent). */
  readonly storeName: string;
  /** Problems with file-level structures (message store, name map). */
  readonly exceptions: ExceptionInput[] = [];

  constructor(src: ByteSource, options: OpenOptions = {}) {
    this.ndb = new Ndb(src, options);
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.names = readNameMap(this.ndb);
    this.exceptions.push(...this.names.exceptions);
    let storeName = "";
    try {
      const n = this.ndb.node(NID_MESSAGE_STORE);
      const pc = readPropertyContext(new NodeScope(this.ndb, n.bidData, n.bidSub, "message store"), {
        maxValueBytes: 1 << 20,
      });
      const v = pc.props.tagged.get(0x3001);
      if (typeof v === "string") storeName = v;
    } catch (err) {
      this.exceptions.push(toException(err, "message store"));
    }
    this.storeName = storeName;
  }

  get format(): PstFormatName {
    return this.ndb.header.format;
  }

  /**
   * Walks the folder hierarchy depth-first from the root folder. The root folder's path segment
   * is its display name, or the store's name, or "Root".
   */
  *folders(): Generator<PstFolder> {
    const visited = new Set<number>();
    const names = this.names.resolve;
    const root = readFolder(this.ndb, NID_ROOT_FOLDER, [], names);
    if (!root.name) root.path = [this.storeName || "Root"];
    visited.add(root.nid);
    const stack: { folder: PstFolder; depth: number }[] = [{ folder: root, depth: 0 }];
    while (stack.length > 0) {
      const { folder, depth } = stack.pop()!;
      const children: PstFolder[] = [];
      for (const nid of folder.subfolders) {
        if (visited.has(nid)) {
          folder.exceptions.push({
            reason: "corrupt",
            detail: `subfolder ${hex(nid)} appears more than once`,
            where: `folder ${hex(folder.nid)}`,
          });
          continue;
        }
        if (depth + 1 > MAX_FOLDER_DEPTH) {
          folder.exceptions.push({
            reason: "depth-limit",
            detail: `subfolder ${hex(nid)} is nested too deep`,
            where: `folder ${hex(folder.nid)}`,
          });
          continue;
        }
        visited.add(nid);
        children.push(readFolder(this.ndb, nid, folder.path, names, folder.nid));
      }
      yield folder;
      for (let i = children.length - 1; i >= 0; i--) stack.push({ folder: children[i]!, depth: depth + 1 });
    }
  }

  /** The folder hierarchy as a tree (reads every folder; for streaming use `folders()`). */
  tree(): PstFolderNode {
    const nodes = new Map<number, PstFolderNode>();
    let root: PstFolderNode | undefined;
    for (const folder of this.folders()) {
      const node: PstFolderNode = { folder, children: [] };
      nodes.set(folder.nid, node);
      const parent = folder.parentNid === undefined ? undefined : nodes.get(folder.parentNid);
      if (parent) parent.children.push(node);
      else root ??= node;
    }
    return root!;
  }

  /**
   * Streams a folder's contents-table rows. Rows that the index declares but the row matrix
   * does not hold (or that cannot be read) come back as exceptions, so that rows + exceptions
   * always equal `folder.declared`.
   */
  *contentRows(folder: PstFolder): Generator<ContentRow> {
    if (folder.search || folder.declared === 0) return;
    const nid = companionNid(folder.nid, NID_TYPE.CONTENTS_TABLE);
    let index = 0;
    try {
      const node = this.ndb.node(nid);
      const tc = new TableContext(new NodeScope(this.ndb, node.bidData, node.bidSub, `node ${hex(nid)}`));
      for (const row of tc.rows()) {
        if (index >= folder.declared) break;
        yield { nid: row.rowId, index: index++ };
      }
    } catch (err) {
      const e = toException(err, `folder ${hex(folder.nid)} contents table`);
      while (index < folder.declared) yield { index: index++, exception: e };
    }
    const missing: ExceptionInput = {
      reason: "declared-not-read",
      detail: "contents table row is declared by the row index but absent from the row matrix",
      where: `folder ${hex(folder.nid)} contents table`,
    };
    while (index < folder.declared) yield { index: index++, exception: missing };
  }

  /**
   * Message nodes (NID type 0x04) in the node B-tree that no contents table listed: items whose
   * folder or table row was lost. `seen` holds the NIDs the folder walk met. Walking the NBT
   * twice (count, then list) keeps memory flat. Damaged NBT pages are returned as exceptions,
   * since the nodes below them cannot be checked.
   */
  orphanMessages(seen: NidSet): {
    count: number;
    nids: () => Generator<number>;
    exceptions: ExceptionInput[];
  } {
    const exceptions: ExceptionInput[] = [];
    const isOrphan = (nid: number) => nidType(nid) === NID_TYPE.NORMAL_MESSAGE && !seen.has(nid);
    let count = 0;
    for (const node of this.ndb.allNodes((err, ib) =>
      exceptions.push(toException(err, `node B-tree page ${hex(ib)}`)),
    )) {
      if (isOrphan(node.nid)) count++;
    }
    const ndb = this.ndb;
    function* nids(): Generator<number> {
      for (const node of ndb.allNodes(() => {})) if (isOrphan(node.nid)) yield node.nid;
    }
    return { count, nids, exceptions };
  }

  /** Reads one message with its recipients, attachments and embedded messages. Throws if the node is unreadable. */
  readMessage(nid: number): PstMessage {
    return readMessage({ ndb: this.ndb, names: this.names.resolve, limits: this.limits }, nid);
  }

  close(): void {
    this.ndb.close();
  }
}

/** Opens a PST/OST file (or any ByteSource, e.g. an in-memory copy in tests). */
export function openPst(path: string | ByteSource, options: OpenOptions = {}): PstFile {
  const src = typeof path === "string" ? new FileSource(path) : path;
  try {
    return new PstFile(src, options);
  } catch (err) {
    src.close();
    throw err;
  }
}

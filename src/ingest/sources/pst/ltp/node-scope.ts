import type { Ndb, SubnodeMap } from "../ndb/ndb.js";
import { corrupt, hex } from "../ndb/pst-error.js";
import { Heap, isHid } from "./heap.js";

/**
 * One node's view for the LTP layer: its heap (from the data tree) and its subnodes (where
 * large values, tables and attachments live). Both are loaded only when first needed.
 */
export class NodeScope {
  private heapCache: Heap | undefined;
  private subCache: SubnodeMap | undefined;

  constructor(
    readonly ndb: Ndb,
    readonly bidData: number,
    readonly bidSub: number,
    /** Names the node in error messages, e.g. "node 0x200024". */
    readonly label: string,
  ) {}

  get heap(): Heap {
    this.heapCache ??= new Heap(this.ndb, this.bidData, this.label);
    return this.heapCache;
  }

  get subnodes(): SubnodeMap {
    this.subCache ??= this.ndb.subnodes(this.bidSub);
    return this.subCache;
  }

  /** A subnode as a scope of its own (an attachment, a table, an embedded message). */
  child(nid: number): NodeScope {
    const e = this.subnodes.get(nid);
    if (!e) throw corrupt(`${this.label}: subnode ${hex(nid)} is missing`);
    return new NodeScope(this.ndb, e.bidData, e.bidSub, `${this.label} subnode ${hex(nid)}`);
  }

  /** Size of the value an HNID points to, without reading a subnode's data blocks. */
  hnidSize(hnid: number): number {
    if (hnid === 0) return 0;
    if (isHid(hnid)) return this.heap.get(hnid).length;
    const e = this.subnodes.get(hnid);
    if (!e) throw corrupt(`${this.label}: subnode ${hex(hnid)} is missing`);
    return this.ndb.dataSize(e.bidData);
  }

  /** The bytes an HNID points to: a heap allocation or a subnode's whole data tree. */
  readHnid(hnid: number, maxBytes: number): Buffer {
    if (hnid === 0) return Buffer.alloc(0);
    if (isHid(hnid)) return this.heap.get(hnid);
    const e = this.subnodes.get(hnid);
    if (!e) throw corrupt(`${this.label}: subnode ${hex(hnid)} is missing`);
    return this.ndb.readData(e.bidData, maxBytes);
  }
}

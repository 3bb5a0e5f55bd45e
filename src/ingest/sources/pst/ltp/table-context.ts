import type { MapiProperties, MapiValue } from "../../../mapi/types.js";
import { emptyProperties } from "../../../mapi/types.js";
import { corrupt, hex } from "../ndb/pst-error.js";
import { bthRecords, readBthHeader } from "./bth.js";
import { CLIENT_TC, isHid } from "./heap.js";
import type { NodeScope } from "./node-scope.js";
import type { String8Decoder } from "./prop-value.js";
import { decodeValue, fixedSize } from "./prop-value.js";
import type { NameResolver } from "./property-context.js";

export interface TableColumn {
  tag: number;
  id: number;
  type: number;
  ib: number;
  cb: number;
  iBit: number;
}

/** One row of the row matrix: `buf[off .. off + rowSize]`. */
export interface TableRow {
  index: number;
  rowId: number;
  buf: Buffer;
  off: number;
}

const TAG_ROW_ID = 0x67f20003;

/**
 * A table context ([MS-PST] 2.3.4). Rows are streamed from the row matrix, which lives in the
 * heap for small tables and in a subnode (one or more data blocks) for large ones.
 */
export class TableContext {
  readonly columns: TableColumn[];
  readonly rowSize: number;
  private readonly bitmapOffset: number;
  private readonly hidRowIndex: number;
  private readonly hnidRows: number;
  private readonly rowIdOffset: number;

  constructor(readonly scope: NodeScope) {
    const heap = scope.heap;
    if (heap.clientSig !== CLIENT_TC) throw corrupt(`${scope.label}: not a table context`);
    const info = heap.get(heap.userRoot);
    if (info.length < 22 || info[0] !== CLIENT_TC) throw corrupt(`${scope.label}: TCINFO is invalid`);
    const cCols = info[1]!;
    const end4 = info.readUInt16LE(2);
    const end2 = info.readUInt16LE(4);
    const end1 = info.readUInt16LE(6);
    const endBm = info.readUInt16LE(8);
    if (!(end4 <= end2 && end2 <= end1 && end1 <= endBm) || endBm - end1 < Math.ceil(cCols / 8)) {
      throw corrupt(`${scope.label}: TCINFO row layout is invalid`);
    }
    if (info.length < 22 + cCols * 8) throw corrupt(`${scope.label}: TCINFO column list is truncated`);
    this.rowSize = endBm;
    this.bitmapOffset = end1;
    this.hidRowIndex = info.readUInt32LE(10);
    this.hnidRows = info.readUInt32LE(14);
    this.columns = [];
    for (let i = 0; i < cCols; i++) {
      const o = 22 + i * 8;
      const tag = info.readUInt32LE(o);
      const col = {
        tag,
        id: tag >>> 16,
        type: tag & 0xffff,
        ib: info.readUInt16LE(o + 4),
        cb: info[o + 6]!,
        iBit: info[o + 7]!,
      };
      if (col.ib + col.cb > end1 || col.iBit >= cCols)
        throw corrupt(`${scope.label}: column ${i} is out of range`);
      this.columns.push(col);
    }
    const rid = this.columns.find((c) => c.tag === TAG_ROW_ID);
    this.rowIdOffset = rid ? rid.ib : 0;
    if (this.rowSize < 4) throw corrupt(`${scope.label}: rows are too short`);
  }

  /** The number of rows the row index declares. */
  rowCount(): number {
    if (this.hidRowIndex === 0) return 0;
    const h = readBthHeader(this.scope.heap, this.hidRowIndex);
    let n = 0;
    for (const _ of bthRecords(this.scope.heap, h)) n++;
    return n;
  }

  /** Rows held by the row matrix, from block sizes alone (no row data is read). */
  matrixRowCount(): number {
    if (this.hnidRows === 0) return 0;
    if (isHid(this.hnidRows)) return Math.floor(this.scope.heap.get(this.hnidRows).length / this.rowSize);
    const e = this.scope.subnodes.get(this.hnidRows);
    if (!e) throw corrupt(`${this.scope.label}: row matrix subnode ${hex(this.hnidRows)} is missing`);
    const ndb = this.scope.ndb;
    let n = 0;
    for (const bid of ndb.dataBlockIds(e.bidData))
      n += Math.floor(ndb.blockEntry(bid).cbInflated / this.rowSize);
    return n;
  }

  /** Streams the row matrix in order, block by block. */
  *rows(): Generator<TableRow> {
    if (this.hnidRows === 0) return;
    const size = this.rowSize;
    let index = 0;
    if (isHid(this.hnidRows)) {
      const buf = this.scope.heap.get(this.hnidRows);
      for (let off = 0; off + size <= buf.length; off += size) {
        yield { index: index++, rowId: buf.readUInt32LE(off + this.rowIdOffset), buf, off };
      }
      return;
    }
    const e = this.scope.subnodes.get(this.hnidRows);
    if (!e) throw corrupt(`${this.scope.label}: row matrix subnode ${hex(this.hnidRows)} is missing`);
    const ndb = this.scope.ndb;
    // Rows never straddle blocks: each block holds as many whole rows as fit.
    for (const bid of ndb.dataBlockIds(e.bidData)) {
      const buf = ndb.block(bid);
      for (let off = 0; off + size <= buf.length; off += size) {
        yield { index: index++, rowId: buf.readUInt32LE(off + this.rowIdOffset), buf, off };
      }
    }
  }

  /** True when the cell existence bitmap marks the column as present in this row. */
  has(row: TableRow, col: TableColumn): boolean {
    const byte = row.buf[row.off + this.bitmapOffset + (col.iBit >> 3)]!;
    return (byte & (0x80 >> (col.iBit & 7))) !== 0;
  }

  /** One cell's value; undefined when absent. Variable-size values are read through their HNID. */
  cell(row: TableRow, col: TableColumn, string8: String8Decoder, maxBytes: number): MapiValue | undefined {
    if (!this.has(row, col)) return undefined;
    const size = fixedSize(col.type);
    const at = row.off + col.ib;
    if (size > 0 && size <= 8) {
      if (col.cb < size)
        throw corrupt(`${this.scope.label}: column ${hex(col.tag)} is narrower than its type`);
      return decodeValue(col.type, row.buf.subarray(at, at + size), string8);
    }
    if (col.cb !== 4) throw corrupt(`${this.scope.label}: column ${hex(col.tag)} should hold an HNID`);
    const hnid = row.buf.readUInt32LE(at);
    return decodeValue(col.type, this.scope.readHnid(hnid, maxBytes), string8);
  }

  /** The HNID stored in a variable-size cell (for callers that follow objects themselves). */
  rawCell(row: TableRow, col: TableColumn): number | undefined {
    if (!this.has(row, col) || col.cb !== 4) return undefined;
    return row.buf.readUInt32LE(row.off + col.ib);
  }

  /** All present cells of a row as properties (recipient tables). Bad cells are reported via onError. */
  rowProps(
    row: TableRow,
    string8: String8Decoder,
    maxBytes: number,
    names: NameResolver | undefined,
    onError: (err: unknown, col: TableColumn) => void,
  ): MapiProperties {
    const props = emptyProperties();
    for (const col of this.columns) {
      try {
        const v = this.cell(row, col, string8, maxBytes);
        if (v === undefined) continue;
        if (col.id >= 0x8000) {
          const key = names?.(col.id);
          if (key) props.named.set(key, v);
        } else props.tagged.set(col.id, v);
      } catch (err) {
        onError(err, col);
      }
    }
    return props;
  }
}

import { corrupt, hex } from "../ndb/pst-error.js";
import type { Heap } from "./heap.js";

export interface BthHeader {
  cbKey: number;
  cbEnt: number;
  levels: number;
  hidRoot: number;
}

/** A leaf record: key then data, at `off` in `buf`. */
export interface BthRecord {
  buf: Buffer;
  off: number;
}

export function readBthHeader(heap: Heap, hid: number): BthHeader {
  const h = heap.get(hid);
  if (h.length < 8 || h[0] !== 0xb5) throw corrupt(`${heap.label}: BTH header ${hex(hid)} is invalid`);
  const cbKey = h[1]!;
  const cbEnt = h[2]!;
  const levels = h[3]!;
  if (![2, 4, 8, 16].includes(cbKey) || cbEnt === 0 || levels > 8) {
    throw corrupt(`${heap.label}: BTH header ${hex(hid)} has invalid sizes`);
  }
  return { cbKey, cbEnt, levels, hidRoot: h.readUInt32LE(4) };
}

/** Visits every leaf record of a BTH ([MS-PST] 2.3.2) in key order. */
export function* bthRecords(heap: Heap, h: BthHeader): Generator<BthRecord> {
  if (h.hidRoot === 0) return;
  yield* walk(heap, h, h.hidRoot, h.levels, new Set());
}

function* walk(
  heap: Heap,
  h: BthHeader,
  hid: number,
  level: number,
  seen: Set<number>,
): Generator<BthRecord> {
  // A damaged index could point back at a node already visited; each node is read once.
  if (seen.has(hid)) throw corrupt(`${heap.label}: BTH node ${hex(hid)} is referenced twice`);
  seen.add(hid);
  const buf = heap.get(hid);
  if (level === 0) {
    const size = h.cbKey + h.cbEnt;
    if (buf.length % size !== 0) throw corrupt(`${heap.label}: BTH leaf ${hex(hid)} has a partial record`);
    for (let off = 0; off < buf.length; off += size) yield { buf, off };
    return;
  }
  const size = h.cbKey + 4;
  if (buf.length % size !== 0) throw corrupt(`${heap.label}: BTH index ${hex(hid)} has a partial record`);
  for (let off = 0; off < buf.length; off += size) {
    yield* walk(heap, h, buf.readUInt32LE(off + h.cbKey), level - 1, seen);
  }
}

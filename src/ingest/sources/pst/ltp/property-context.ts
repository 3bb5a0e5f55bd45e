import type { ExceptionInput } from "../../../../core/exception.js";
import type { MapiProperties, MapiValue } from "../../../mapi/types.js";
import { emptyProperties } from "../../../mapi/types.js";
import { corrupt, hex, PstError, toException } from "../ndb/pst-error.js";
import { bthRecords, readBthHeader } from "./bth.js";
import { DEFAULT_CODEPAGE, string8Decoder } from "./codepage.js";
import { CLIENT_PC } from "./heap.js";
import type { NodeScope } from "./node-scope.js";
import { decodeValue, fixedSize, PT } from "./prop-value.js";

/** Resolves a named property id (0x8000 and up) to its key in MapiProperties.named. */
export type NameResolver = (propId: number) => string | undefined;

const PID_MESSAGE_CODEPAGE = 0x3ffd;
const PID_INTERNET_CODEPAGE = 0x3fde;

export interface PcOptions {
  names?: NameResolver;
  /** Code page for PT_STRING8 when the object does not state one (a message's, for its attachments). */
  codePage?: number;
  /** Values larger than this are not read; they are listed in `oversized`. */
  maxValueBytes: number;
  /** Property ids whose values are left unread (e.g. attachment data read later). */
  skip?: ReadonlySet<number>;
}

export interface PcResult {
  props: MapiProperties;
  /** The code page used for PT_STRING8 values. */
  codePage: number;
  /** Raw HNIDs of skipped or PtypObject properties, by property id, for the caller to follow. */
  refs: Map<number, { type: number; hnid: number }>;
  oversized: { propId: number; size: number }[];
  exceptions: ExceptionInput[];
}

const scratch = Buffer.alloc(4);

/** Values of 4 bytes or less are stored in the record itself ([MS-PST] 2.3.3.3). */
function inlineValue(type: number, raw: number): MapiValue {
  switch (type) {
    case PT.BOOLEAN:
      return (raw & 0xff) !== 0;
    case PT.I2:
      return (raw << 16) >> 16;
    case PT.R4:
      scratch.writeUInt32LE(raw >>> 0);
      return scratch.readFloatLE(0);
    default:
      return raw | 0;
  }
}

interface RawEntry {
  id: number;
  type: number;
  raw: number;
}

/**
 * Reads a property context ([MS-PST] 2.3.3): a BTH of (property id → type, value or HNID).
 * A value that cannot be read becomes an exception; the other properties are still returned.
 */
export function readPropertyContext(scope: NodeScope, opts: PcOptions): PcResult {
  const heap = scope.heap;
  if (heap.clientSig !== CLIENT_PC) throw corrupt(`${scope.label}: not a property context`);
  const h = readBthHeader(heap, heap.userRoot);
  if (h.cbKey !== 2 || h.cbEnt !== 6)
    throw corrupt(`${scope.label}: property context has invalid record sizes`);
  const entries: RawEntry[] = [];
  for (const { buf, off } of bthRecords(heap, h)) {
    entries.push({
      id: buf.readUInt16LE(off),
      type: buf.readUInt16LE(off + 2),
      raw: buf.readUInt32LE(off + 4),
    });
  }
  let codePage = opts.codePage ?? DEFAULT_CODEPAGE;
  const cpEntry =
    entries.find((e) => e.id === PID_MESSAGE_CODEPAGE && e.type === PT.LONG) ??
    entries.find((e) => e.id === PID_INTERNET_CODEPAGE && e.type === PT.LONG);
  if (cpEntry && cpEntry.raw > 0) codePage = cpEntry.raw;
  const s8 = string8Decoder(codePage);
  const result: PcResult = {
    props: emptyProperties(),
    codePage,
    refs: new Map(),
    oversized: [],
    exceptions: [],
  };
  for (const e of entries) {
    if (opts.skip?.has(e.id) || e.type === PT.OBJECT) {
      result.refs.set(e.id, { type: e.type, hnid: e.raw });
      continue;
    }
    try {
      const size = fixedSize(e.type);
      let value: MapiValue;
      if (size > 0 && size <= 4) value = inlineValue(e.type, e.raw);
      else {
        const len = scope.hnidSize(e.raw);
        if (len > opts.maxValueBytes) {
          result.oversized.push({ propId: e.id, size: len });
          continue;
        }
        value = decodeValue(e.type, scope.readHnid(e.raw, opts.maxValueBytes), s8.decode);
      }
      if (e.id >= 0x8000) {
        const key = opts.names?.(e.id);
        if (key) result.props.named.set(key, value);
      } else result.props.tagged.set(e.id, value);
    } catch (err) {
      if (err instanceof PstError && err.reason === "size-limit") {
        result.oversized.push({ propId: e.id, size: -1 });
        continue;
      }
      result.exceptions.push(toException(err, `${scope.label} property ${hex(e.id)}`));
    }
  }
  if (s8.state.unknown) {
    result.exceptions.push({
      reason: "charset-unknown",
      detail: `code page ${codePage} is not supported; 8-bit strings decoded as windows-1252`,
      where: scope.label,
    });
  }
  return result;
}

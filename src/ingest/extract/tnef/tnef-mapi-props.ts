import { decodeWith } from "../../mapi/codepage.js";
import { guidToString } from "../../mapi/guid.js";
import { stripTrailingNuls } from "../../mapi/mapi-values.js";
import { decodeFixed, fixedSize, MV_FLAG, PT } from "../../mapi/property-types.js";
import { lidKey, nameKey } from "../../mapi/tags.js";
import type { MapiProperties, MapiValue } from "../../mapi/types.js";
import { emptyProperties } from "../../mapi/types.js";
import type { ByteCursor } from "./byte-cursor.js";

/** A PT_OBJECT value: the interface id and the object's bytes. */
export interface TnefObject {
  iid: string;
  data: Uint8Array;
}

export interface TnefPropList {
  props: MapiProperties;
  /** PT_OBJECT values by property id (kept apart: MapiValue has no object type). */
  objects: Map<number, TnefObject>;
}

function isVariable(base: number): boolean {
  return (
    base === PT.STRING8 ||
    base === PT.UNICODE ||
    base === PT.BINARY ||
    base === PT.OBJECT ||
    base === PT.SVREID
  );
}

function readOne(c: ByteCursor, base: number, encoding: string): MapiValue | TnefObject | undefined {
  if (isVariable(base)) {
    const len = c.u32("value length");
    const data = c.take(len, "property value");
    c.align4();
    if (base === PT.UNICODE) {
      return stripTrailingNuls(
        Buffer.from(data.buffer, data.byteOffset, data.length & ~1).toString("utf16le"),
      );
    }
    if (base === PT.STRING8) return stripTrailingNuls(decodeWith(data, encoding));
    if (base === PT.OBJECT && data.length >= 16)
      return { iid: guidToString(data, 0), data: data.subarray(16) };
    return data;
  }
  if (base === PT.NULL || base === PT.UNSPECIFIED) {
    c.skip(4, "null value");
    return undefined;
  }
  const size = fixedSize(base);
  if (size === undefined) throw new Error(`unknown MAPI property type 0x${base.toString(16)}`);
  c.need(size, "property value");
  const v = decodeFixed(c.view, c.pos, base);
  c.pos += size;
  c.align4();
  return v;
}

/**
 * Parses a TNEF MAPI property list (attMsgProps, attAttachment, a recipient row): a count,
 * then per property its type and id, a name for ids 0x8000 and up, and its value(s). Every
 * count is checked against the bytes left, so a hostile count cannot cause a large allocation.
 */
export function parsePropList(c: ByteCursor, encoding: string): TnefPropList {
  const out: TnefPropList = { props: emptyProperties(), objects: new Map() };
  const count = c.u32("property count");
  // Each property takes at least 8 bytes (tag and a 4-byte value).
  if (count > c.remaining / 8 + 1) throw new Error(`property count ${count} exceeds the data`);
  for (let i = 0; i < count; i++) {
    const type = c.u16("property type");
    const id = c.u16("property id");
    let key: string | undefined;
    if (id >= 0x8000) {
      const guid = guidToString(c.take(16, "property set"));
      const kind = c.u32("name kind");
      if (kind === 0) key = lidKey(guid, c.u32("name id"));
      else {
        const len = c.u32("name length");
        const name = c.take(len, "property name");
        c.align4();
        key = nameKey(
          guid,
          stripTrailingNuls(Buffer.from(name.buffer, name.byteOffset, name.length & ~1).toString("utf16le")),
        );
      }
    }
    const base = type & ~MV_FLAG;
    let value: MapiValue | TnefObject | undefined;
    if ((type & MV_FLAG) !== 0) {
      const n = c.u32("value count");
      if (n > c.remaining / 4 + 1) throw new Error(`value count ${n} exceeds the data`);
      const values: unknown[] = [];
      for (let k = 0; k < n; k++) values.push(readOne(c, base, encoding));
      value = values as MapiValue;
    } else if (isVariable(base)) {
      const n = c.u32("value count");
      if (n > c.remaining / 4 + 1) throw new Error(`value count ${n} exceeds the data`);
      for (let k = 0; k < n; k++) {
        const v = readOne(c, base, encoding);
        if (k === 0) value = v;
      }
    } else {
      value = readOne(c, base, encoding);
    }
    if (value === undefined) continue;
    if (typeof value === "object" && value !== null && "iid" in value) {
      out.objects.set(id, value);
      continue;
    }
    if (key) out.props.named.set(key, value);
    else out.props.tagged.set(id, value);
  }
  return out;
}

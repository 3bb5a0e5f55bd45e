import type { ExceptionInput } from "../../../core/exception.js";
import { guidToString } from "../../mapi/guid.js";
import { lidKey, nameKey, PS_MAPI, PS_PUBLIC_STRINGS } from "../../mapi/tags.js";
import type { CfbNode } from "./cfb-tree.js";

export interface NameMap {
  /** Property id (0x8000 and up) to the named-property key format of MapiProperties.named. */
  byId: Map<number, string>;
  exceptions: ExceptionInput[];
}

/**
 * Reads `__nameid_version1.0` ([MS-OXMSG] 2.2.3): the GUID stream, the 8-byte entry stream
 * and the string stream together map property ids 0x8000+index to (property set, LID or name).
 */
export function readNameMap(root: CfbNode): NameMap {
  const out: NameMap = { byId: new Map(), exceptions: [] };
  const storage = root.children.get("__NAMEID_VERSION1.0");
  if (!storage) return out;
  const where = "named property map";
  const guids = storage.children.get("__SUBSTG1.0_00020102")?.stream ?? new Uint8Array(0);
  const entries = storage.children.get("__SUBSTG1.0_00030102")?.stream;
  const strings = storage.children.get("__SUBSTG1.0_00040102")?.stream ?? new Uint8Array(0);
  if (!entries) {
    out.exceptions.push({ reason: "corrupt", detail: "named property entry stream is missing", where });
    return out;
  }
  const ev = new DataView(entries.buffer, entries.byteOffset, entries.byteLength);
  const sv = new DataView(strings.buffer, strings.byteOffset, strings.byteLength);
  let bad = 0;
  for (let off = 0; off + 8 <= entries.length; off += 8) {
    const nameOrOffset = ev.getUint32(off, true);
    const indexAndKind = ev.getUint16(off + 4, true);
    const propIndex = ev.getUint16(off + 6, true);
    const isString = (indexAndKind & 1) === 1;
    const guidIndex = indexAndKind >>> 1;
    let set: string | undefined;
    if (guidIndex === 1) set = PS_MAPI;
    else if (guidIndex === 2) set = PS_PUBLIC_STRINGS;
    else if (guidIndex >= 3 && (guidIndex - 3) * 16 + 16 <= guids.length)
      set = guidToString(guids, (guidIndex - 3) * 16);
    if (!set) {
      bad++;
      continue;
    }
    let key: string;
    if (isString) {
      if (nameOrOffset + 4 > strings.length) {
        bad++;
        continue;
      }
      const len = sv.getUint32(nameOrOffset, true);
      const start = nameOrOffset + 4;
      const end = Math.min(strings.length, start + len);
      key = nameKey(
        set,
        Buffer.from(strings.buffer, strings.byteOffset + start, end - start).toString("utf16le"),
      );
    } else {
      key = lidKey(set, nameOrOffset);
    }
    out.byId.set(0x8000 + propIndex, key);
  }
  if (bad > 0) {
    out.exceptions.push({
      reason: "corrupt",
      detail: `${bad} named property entries could not be resolved`,
      where,
    });
  }
  return out;
}

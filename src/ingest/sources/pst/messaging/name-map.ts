import type { ExceptionInput } from "../../../../core/exception.js";
import { NodeScope } from "../ltp/node-scope.js";
import { decodeUnicode } from "../ltp/prop-value.js";
import type { NameResolver } from "../ltp/property-context.js";
import { readPropertyContext } from "../ltp/property-context.js";
import type { Ndb } from "../ndb/ndb.js";
import { toException } from "../ndb/pst-error.js";
import { NID_NAME_TO_ID_MAP } from "./nids.js";

const PS_MAPI = "00020328-0000-0000-c000-000000000046";
const PS_PUBLIC_STRINGS = "00020329-0000-0000-c000-000000000046";

/** A GUID's canonical lowercase text from its 16 stored bytes (first three fields little-endian). */
export function guidText(b: Uint8Array, off = 0): string {
  const h = (i: number) => b[off + i]!.toString(16).padStart(2, "0");
  const r = (idx: number[]) => idx.map(h).join("");
  return `${r([3, 2, 1, 0])}-${r([5, 4])}-${r([7, 6])}-${r([8, 9])}-${r([10, 11, 12, 13, 14, 15])}`;
}

export interface NameMap {
  resolve: NameResolver;
  size: number;
  exceptions: ExceptionInput[];
}

const MAX_NAME_STREAM = 64 * 1024 * 1024;

/**
 * Reads the name-to-id map ([MS-PST] 2.4.7): each NAMEID entry links property id 0x8000+index to
 * a (property set, LID or name) pair, which becomes the key format of MapiProperties.named.
 */
export function readNameMap(ndb: Ndb): NameMap {
  const keys = new Map<number, string>();
  const exceptions: ExceptionInput[] = [];
  try {
    const node = ndb.node(NID_NAME_TO_ID_MAP);
    const scope = new NodeScope(ndb, node.bidData, node.bidSub, "name-to-id map");
    const pc = readPropertyContext(scope, { maxValueBytes: MAX_NAME_STREAM });
    exceptions.push(...pc.exceptions);
    const bytes = (id: number) => {
      const v = pc.props.tagged.get(id);
      return v instanceof Uint8Array ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : Buffer.alloc(0);
    };
    const guids = bytes(0x0002);
    const entries = bytes(0x0003);
    const strings = bytes(0x0004);
    let bad = 0;
    for (let off = 0; off + 8 <= entries.length; off += 8) {
      const dwPropertyId = entries.readUInt32LE(off);
      const wGuid = entries.readUInt16LE(off + 4);
      const propIndex = entries.readUInt16LE(off + 6);
      const isString = (wGuid & 1) === 1;
      const guidIndex = wGuid >>> 1;
      let set: string | undefined;
      if (guidIndex === 1) set = PS_MAPI;
      else if (guidIndex === 2) set = PS_PUBLIC_STRINGS;
      else if (guidIndex >= 3 && (guidIndex - 3) * 16 + 16 <= guids.length)
        set = guidText(guids, (guidIndex - 3) * 16);
      let name: string | undefined;
      if (isString) {
        if (dwPropertyId + 4 <= strings.length) {
          const len = strings.readUInt32LE(dwPropertyId);
          if (dwPropertyId + 4 + len <= strings.length) {
            name = decodeUnicode(strings.subarray(dwPropertyId + 4, dwPropertyId + 4 + len));
          }
        }
      } else name = `0x${dwPropertyId.toString(16).padStart(4, "0")}`;
      if (!set || name === undefined) {
        bad++;
        continue;
      }
      keys.set(0x8000 + propIndex, `${set}:${name}`);
    }
    if (bad > 0)
      exceptions.push({
        reason: "corrupt",
        detail: `${bad} name-to-id entries could not be resolved`,
        where: "name-to-id map",
      });
  } catch (err) {
    exceptions.push(toException(err, "name-to-id map"));
  }
  return { resolve: (id) => keys.get(id), size: keys.size, exceptions };
}

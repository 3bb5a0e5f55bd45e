import { describeError, isExceptionReason } from "../../../core/exception.js";
import type { ExtractChild, Extractor } from "../types.js";
import { openZip } from "./open-zip.js";

/**
 * A ZIP archive's members as children (directories skipped). Members that cannot be read
 * (encrypted, bombs, damaged) become `unreadable` children with the reason, so every member
 * the archive declares is accounted for.
 */
export const zipExtractor: Extractor = async (input) => {
  const zip = await openZip(input.bytes, input.limits);
  try {
    const children: ExtractChild[] = [];
    for (const entry of zip.entries) {
      if (entry.exception) {
        children.push({ type: "unreadable", name: entry.name, exception: entry.exception });
        continue;
      }
      try {
        children.push({ type: "file", name: entry.name, bytes: await zip.readEntry(entry) });
      } catch (err) {
        const r = (err as { reason?: unknown }).reason;
        const reason = typeof r === "string" && isExceptionReason(r) ? r : "corrupt";
        children.push({
          type: "unreadable",
          name: entry.name,
          exception: { reason, detail: describeError(err), where: `entry ${entry.index + 1}` },
        });
      }
    }
    return {
      text: "",
      children,
      declared: zip.declared,
      exceptions: zip.exceptions,
      meta: { entries: zip.entries.length },
    };
  } finally {
    await zip.close();
  }
};

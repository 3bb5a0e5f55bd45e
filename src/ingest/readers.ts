import type { SourceFormat } from "./source-format.js";
import { emlReader } from "./sources/eml/index.js";
import { mboxReader } from "./sources/mbox/index.js";
import { msgReader } from "./sources/msg/index.js";
import { pstReader } from "./sources/pst/index.js";
import type { SourceReader } from "./sources/types.js";

const READERS: Record<Exclude<SourceFormat, "zip" | "file">, SourceReader> = {
  pst: pstReader,
  msg: msgReader,
  eml: emlReader,
  mbox: mboxReader,
};

export function readerFor(format: Exclude<SourceFormat, "zip" | "file">): SourceReader {
  return READERS[format];
}

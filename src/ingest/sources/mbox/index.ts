export { mboxReader } from "./mbox-reader.js";
export { type MboxPiece, MboxSplitter } from "./mbox-splitter.js";
export { unescapeFromLines } from "./unescape-from.js";

export { msgReader } from "./msg-reader.js";
export { parseMsg } from "./parse-msg.js";

export { emlReader, withoutMboxLine } from "./eml-reader.js";

export type { PstFolder } from "./messaging/folders.js";
export type { PstAttachment, PstMessage } from "./messaging/pst-message.js";
export type { ByteSource } from "./ndb/file-source.js";
export { BufferSource, FileSource } from "./ndb/file-source.js";
export type { PstFormatName } from "./ndb/header.js";
export type { ContentRow, OpenOptions, PstFolderNode } from "./pst-file.js";
export { openPst, PstFile } from "./pst-file.js";
export { ORPHANS_FOLDER, pstReader } from "./pst-reader.js";
export { pstMessageToMail } from "./to-mail.js";

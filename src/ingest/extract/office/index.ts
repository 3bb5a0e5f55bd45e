export { buildCfb, encryptedOoxmlSample } from "./build-cfb.js";
export {
  type CfbDirectory,
  type CfbEntry,
  childrenOf,
  findRootEntry,
  hasCfbMagic,
  readCfbDirectory,
  readCfbStream,
  rootNames,
} from "./cfb-directory.js";
export { encryptedOfficeExtractor, passwordProtected } from "./encrypted-office-extractor.js";
export { type OfficeEncryption, officeEncryption, ooxmlEncryptionKind } from "./encryption.js";
export { odfMimetype, zipEntryNames } from "./zip-entry-names.js";
export { readZipEntries, type ZipReadResult } from "./zip-read.js";

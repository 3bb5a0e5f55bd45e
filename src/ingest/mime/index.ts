export { parseMailDate } from "./mail-date.js";
export { formatAddresses, mailHeadersFrom } from "./mail-headers.js";
export { scanMimeStructure } from "./mime-structure.js";
export { type ParseMimeOptions, parseMime } from "./parse-mime.js";
export { extractSignedContent } from "./smime-signed.js";

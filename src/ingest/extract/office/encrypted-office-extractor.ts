import type { Extractor } from "../types.js";
import { ooxmlEncryptionKind } from "./encryption.js";

/** Encrypted OOXML packages cannot be read without the password: record that, no text. */
export const encryptedOfficeExtractor: Extractor = async (input) => {
  const kind = ooxmlEncryptionKind(input.bytes);
  const meta: Record<string, string | number | boolean> = { encrypted: true };
  if (kind) meta["encryption"] = kind;
  return {
    text: "",
    exceptions: [{ reason: "password-protected", detail: "Office document is encrypted with a password" }],
    meta,
  };
};

/** The exception an extractor records when it finds legacy Office encryption. */
export function passwordProtected(format: string) {
  return { reason: "password-protected" as const, detail: `${format} document is encrypted with a password` };
}

import type { ExceptionInput } from "../../../core/exception.js";
import type { Limits } from "../../../core/limits.js";

/** Cuts text to `limits.maxTextChars`, recording a `size-limit` exception when it does. */
export function limitText(text: string, limits: Limits, exceptions: ExceptionInput[]): string {
  if (text.length <= limits.maxTextChars) return text;
  exceptions.push({
    reason: "size-limit",
    detail: `text of ${text.length} characters cut to ${limits.maxTextChars}`,
  });
  return text.slice(0, limits.maxTextChars);
}

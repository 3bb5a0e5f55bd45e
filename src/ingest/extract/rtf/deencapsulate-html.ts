import { interpretRtf } from "./rtf-interpreter.js";

/**
 * The original HTML of an Outlook body stored as RTF with \fromhtml1 ([MS-OXRTFEX]), or
 * undefined when the RTF does not encapsulate HTML.
 */
export function deEncapsulateHtml(rtf: string): string | undefined {
  // The \fromhtml1 word sits in the header, before the font table.
  if (!/\\fromhtml1/.test(rtf.slice(0, 2048))) return undefined;
  const r = interpretRtf(rtf, "html");
  return r.fromHtml ? r.text : undefined;
}

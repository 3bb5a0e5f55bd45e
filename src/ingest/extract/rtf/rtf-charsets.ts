/** Windows code page of an RTF \fcharset value ([MS-RTF] font table). */
const CHARSET_CODEPAGE: Record<number, number> = {
  77: 10000, // Mac Roman
  78: 10001, // Mac Shift-JIS
  128: 932, // Shift-JIS
  129: 949, // Hangul
  130: 1361, // Johab
  134: 936, // GB2312
  136: 950, // Big5
  161: 1253, // Greek
  162: 1254, // Turkish
  163: 1258, // Vietnamese
  177: 1255, // Hebrew
  178: 1256, // Arabic
  186: 1257, // Baltic
  204: 1251, // Russian
  222: 874, // Thai
  238: 1250, // Eastern European
  254: 437, // PC 437
  255: 850, // OEM
};

/**
 * The code page of a font charset; undefined for ANSI (0), default (1) and symbol (2), which
 * use the document's \ansicpg.
 */
export function codePageOfCharset(charset: number): number | undefined {
  return CHARSET_CODEPAGE[charset];
}

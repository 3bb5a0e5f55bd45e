/**
 * Which Windows ANSI code page PT_STRING8 values are in. Outlook writes them in the code page
 * of the client's locale; the message states it directly (PidTagMessageCodepage) or only
 * through its locale (PidTagMessageLocaleId) or Internet code page.
 */

/** ANSI code page of a Windows locale id (LCID), by primary language. */
export function codePageOfLocale(lcid: number): number {
  const lang = lcid & 0x3ff;
  switch (lang) {
    case 0x11:
      return 932; // Japanese
    case 0x04:
      // Chinese: Traditional for Taiwan, Hong Kong and Macao, else Simplified
      return lcid === 0x0404 || lcid === 0x0c04 || lcid === 0x1404 ? 950 : 936;
    case 0x12:
      return 949; // Korean
    case 0x19:
    case 0x22:
    case 0x23:
    case 0x02:
    case 0x2f:
    case 0x3f:
    case 0x40:
    case 0x44:
      return 1251; // Cyrillic
    case 0x1a:
      // Serbian Cyrillic / Bosnian Cyrillic use 1251; Croatian and Latin variants 1250
      return lcid === 0x0c1a || lcid === 0x1c1a || lcid === 0x201a ? 1251 : 1250;
    case 0x05:
    case 0x15:
    case 0x0e:
    case 0x1b:
    case 0x24:
    case 0x18:
    case 0x1c:
      return 1250; // Central European
    case 0x08:
      return 1253; // Greek
    case 0x1f:
    case 0x2c:
    case 0x43:
      return 1254; // Turkish, Azeri Latin, Uzbek Latin
    case 0x0d:
      return 1255; // Hebrew
    case 0x01:
    case 0x29:
    case 0x20:
      return 1256; // Arabic, Farsi, Urdu
    case 0x25:
    case 0x26:
    case 0x27:
      return 1257; // Baltic
    case 0x2a:
      return 1258; // Vietnamese
    case 0x1e:
      return 874; // Thai
    default:
      return 1252;
  }
}

/** ANSI code page a MIME code page belongs with (ISO-2022-JP text is stored as Shift-JIS, etc.). */
function ansiOfInternet(cp: number): number | undefined {
  if (cp >= 50220 && cp <= 50222) return 932;
  if (cp === 50225 || cp === 51949) return 949;
  if (cp === 52936 || cp === 51936) return 936;
  if (cp === 51932 || cp === 20932) return 932;
  if (cp === 20127 || cp === 28591 || cp === 65001 || cp === 65000) return undefined;
  if (cp === 28592) return 1250;
  if (cp === 28595 || cp === 20866 || cp === 21866) return 1251;
  if (cp === 28597) return 1253;
  if (cp === 28599) return 1254;
  if (cp === 28598 || cp === 38598) return 1255;
  if (cp === 28596) return 1256;
  if (cp === 28594 || cp === 28603) return 1257;
  return cp >= 874 && cp <= 1258 ? cp : cp === 932 || cp === 936 || cp === 949 || cp === 950 ? cp : undefined;
}

export interface CodePageHints {
  messageCodepage?: number;
  localeId?: number;
  internetCodepage?: number;
}

/** The code page for PT_STRING8 values, from the most to the least direct hint; 1252 by default. */
export function ansiCodePage(h: CodePageHints): number {
  if (h.messageCodepage && h.messageCodepage !== 1200) return h.messageCodepage;
  if (h.localeId) {
    const cp = codePageOfLocale(h.localeId);
    if (cp !== 1252 || !h.internetCodepage) return cp;
  }
  if (h.internetCodepage) return ansiOfInternet(h.internetCodepage) ?? 1252;
  return 1252;
}

/** HTML character references: numeric ones and the named ones that occur in real mail. */
const NAMED: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  shy: "",
  copy: "©",
  reg: "®",
  trade: "™",
  deg: "°",
  plusmn: "±",
  middot: "·",
  bull: "•",
  hellip: "…",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  laquo: "«",
  raquo: "»",
  euro: "€",
  pound: "£",
  yen: "¥",
  cent: "¢",
  sect: "§",
  para: "¶",
  times: "×",
  divide: "÷",
  frac12: "½",
  frac14: "¼",
  frac34: "¾",
  micro: "µ",
  zwnj: "",
  zwj: "",
  ensp: " ",
  emsp: " ",
  thinsp: " ",
};

// Latin-1 letters by their entity names (Agrave, eacute, …).
const ACCENTED: Readonly<Record<string, string>> = {
  grave: "\u0300",
  acute: "\u0301",
  circ: "\u0302",
  tilde: "\u0303",
  uml: "\u0308",
  ring: "\u030a",
  cedil: "\u0327",
};

function named(name: string): string | undefined {
  const direct = NAMED[name] ?? NAMED[name.toLowerCase()];
  if (direct !== undefined) return direct;
  const m = /^([A-Za-z])(grave|acute|circ|tilde|uml|ring|cedil)$/.exec(name);
  if (m?.[1] && m[2]) return `${m[1]}${ACCENTED[m[2]] ?? ""}`.normalize("NFC");
  if (name === "szlig") return "ß";
  if (name === "AElig") return "Æ";
  if (name === "aelig") return "æ";
  if (name === "Oslash") return "Ø";
  if (name === "oslash") return "ø";
  return undefined;
}

function codePoint(n: number): string | undefined {
  if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return undefined;
  return String.fromCodePoint(n);
}

export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(
    /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/g,
    (whole, ref: string) => {
      if (ref.startsWith("#x") || ref.startsWith("#X"))
        return codePoint(Number.parseInt(ref.slice(2), 16)) ?? whole;
      if (ref.startsWith("#")) return codePoint(Number.parseInt(ref.slice(1), 10)) ?? whole;
      return named(ref) ?? whole;
    },
  );
}

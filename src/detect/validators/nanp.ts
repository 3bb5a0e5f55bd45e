/**
 * North American Numbering Plan: area code and exchange are NXX (N = 2–9), not N11 service codes,
 * and area codes with a middle 9 (N9X) are reserved. 555-0100 to 555-0199 are reserved for fiction.
 */
export interface NanpCheck {
  valid: boolean;
  fictional: boolean;
}

export function nanpCheck(area: string | undefined, exchange: string, line: string): NanpCheck {
  const validNxx = (s: string) => /^[2-9]\d\d$/.test(s) && !(s[1] === "1" && s[2] === "1");
  const areaOk = area === undefined || (validNxx(area) && area[1] !== "9");
  const valid = areaOk && validNxx(exchange) && /^\d{4}$/.test(line);
  const fictional = exchange === "555" && line >= "0100" && line <= "0199";
  return { valid, fictional };
}

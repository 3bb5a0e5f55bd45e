/** Payment card issuer ranges (IIN prefixes) and the lengths each brand issues. */
export type CardBrand = "visa" | "mastercard" | "amex" | "discover" | "diners" | "jcb" | "unionpay";

export function cardBrand(digits: string): CardBrand | undefined {
  const len = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  const p6 = Number(digits.slice(0, 6));
  if (digits[0] === "4" && (len === 13 || len === 16 || len === 19)) return "visa";
  if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && len === 16) return "mastercard";
  if ((p2 === 34 || p2 === 37) && len === 15) return "amex";
  if (
    (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65 || (p6 >= 622126 && p6 <= 622925)) &&
    len >= 16 &&
    len <= 19
  )
    return "discover";
  if (
    ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39 || p4 === 3095) &&
    len >= 14 &&
    len <= 19
  )
    return "diners";
  if (p4 >= 3528 && p4 <= 3589 && len >= 16 && len <= 19) return "jcb";
  if (p2 === 62 && len >= 16 && len <= 19) return "unionpay";
  return undefined;
}

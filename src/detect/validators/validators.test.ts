import { describe, expect, it } from "vitest";
import { abaChecksumValid, abaValid } from "./aba.js";
import { cardBrand } from "./card.js";
import { expandYear, isValidYmd, plausibleBirthDate } from "./date.js";
import { deaValid } from "./dea.js";
import { icd10Valid } from "./icd10.js";
import { luhnValid } from "./luhn.js";
import { hicnValid, mbiValid } from "./mbi.js";
import { nanpCheck } from "./nanp.js";
import { npiValid } from "./npi.js";
import { isSampleSsn, itinValid, ssnRuleFailure, ssnValid } from "./ssn.js";
import { vinValid } from "./vin.js";

describe("validators", () => {
  it("luhn", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
    expect(luhnValid("79927398713")).toBe(true);
    expect(luhnValid("")).toBe(false);
    expect(luhnValid("12a4")).toBe(false);
  });

  it("ssn issuance rules and samples", () => {
    expect(ssnValid("212674431")).toBe(true);
    expect(ssnRuleFailure("000123456")).toBe("area-000");
    expect(ssnRuleFailure("666123456")).toBe("area-666");
    expect(ssnRuleFailure("912345678")).toBe("area-9xx");
    expect(ssnRuleFailure("212004431")).toBe("group-00");
    expect(ssnRuleFailure("212670000")).toBe("serial-0000");
    expect(isSampleSsn("078051120")).toBe(true);
    expect(isSampleSsn("123456789")).toBe(true);
    expect(isSampleSsn("111111111")).toBe(true);
    expect(isSampleSsn("212674431")).toBe(false);
  });

  it("itin groups", () => {
    expect(itinValid("912781234")).toBe(true);
    expect(itinValid("900501234")).toBe(true);
    expect(itinValid("912451234")).toBe(false);
    expect(itinValid("912931234")).toBe(false);
    expect(itinValid("212781234")).toBe(false);
  });

  it("npi", () => {
    expect(npiValid("1234567893")).toBe(true);
    expect(npiValid("1234567890")).toBe(false);
    expect(npiValid("3234567893")).toBe(false);
  });

  it("mbi and hicn", () => {
    expect(mbiValid("1EG4TE5MK73")).toBe(true);
    expect(mbiValid("1EG4-TE5-MK73")).toBe(true);
    expect(mbiValid("1SG4TE5MK73")).toBe(false); // S excluded
    expect(mbiValid("0EG4TE5MK73")).toBe(false); // first digit 1-9
    expect(mbiValid("1EG4TE5MK7")).toBe(false);
    expect(hicnValid("212674431A")).toBe(true);
    expect(hicnValid("212674431B1")).toBe(true);
    expect(hicnValid("A123456")).toBe(true);
    expect(hicnValid("212674431")).toBe(false);
  });

  it("dea", () => {
    expect(deaValid("AB1234563")).toBe(true);
    expect(deaValid("AB1234567")).toBe(false);
    expect(deaValid("ZB1234563")).toBe(false);
  });

  it("aba", () => {
    expect(abaValid("021000021")).toBe(true);
    expect(abaValid("011000015")).toBe(true);
    expect(abaChecksumValid("021000022")).toBe(false);
    expect(abaValid("991000021")).toBe(false);
  });

  it("dates", () => {
    expect(isValidYmd(2024, 2, 29)).toBe(true);
    expect(isValidYmd(2023, 2, 29)).toBe(false);
    expect(isValidYmd(1961, 13, 1)).toBe(false);
    const now = new Date(Date.UTC(2026, 0, 1));
    expect(expandYear(61, now, "birth")).toBe(1961);
    expect(expandYear(20, now, "birth")).toBe(2020);
    expect(expandYear(27, now, "birth")).toBe(1927);
    expect(expandYear(27, now, "event")).toBe(2027);
    expect(plausibleBirthDate({ y: 2099, m: 1, d: 1 }, now)).toBe(false);
    expect(plausibleBirthDate({ y: 1885, m: 1, d: 1 }, now)).toBe(false);
  });

  it("icd-10-cm chapters", () => {
    for (const c of ["E11.9", "I10", "N18.3", "F32.A", "O9A.211", "Z3A.29", "S72.001A", "U07.1"])
      expect(icd10Valid(c)).toBe(true);
    for (const c of ["A1C", "U99.1", "T01", "D3B", "K99", "E9"]) expect(icd10Valid(c)).toBe(false);
  });

  it("vin", () => {
    expect(vinValid("1M8GDM9AXKP042788")).toBe(true);
    expect(vinValid("1HGCM82633A004352")).toBe(true);
    expect(vinValid("1M8GDM9AXKP042789")).toBe(false);
    expect(vinValid("1M8GDM9AXKP04278O")).toBe(false);
  });

  it("nanp", () => {
    expect(nanpCheck("212", "674", "4310")).toEqual({ valid: true, fictional: false });
    expect(nanpCheck("212", "555", "0142").fictional).toBe(true);
    expect(nanpCheck("112", "674", "4310").valid).toBe(false);
    expect(nanpCheck("911", "674", "4310").valid).toBe(false);
    expect(nanpCheck("292", "674", "4310").valid).toBe(false);
    expect(nanpCheck("212", "411", "4310").valid).toBe(false);
  });

  it("card brands", () => {
    expect(cardBrand("4111111111111111")).toBe("visa");
    expect(cardBrand("5555555555554444")).toBe("mastercard");
    expect(cardBrand("2221000000000009")).toBe("mastercard");
    expect(cardBrand("378282246310005")).toBe("amex");
    expect(cardBrand("6011111111111117")).toBe("discover");
    expect(cardBrand("1234567890123456")).toBeUndefined();
    expect(cardBrand("411111111111111")).toBeUndefined();
  });
});

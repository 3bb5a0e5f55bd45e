import { describe, expect, it } from "vitest";
import { invalidSsn, isValidMbi, isValidSsn, luhnCheckDigit, mbi, npi, ssn } from "./identifiers.js";
import { Random } from "./random.js";

describe("identifiers", () => {
  it("makes valid SSNs, MBIs and NPIs and invalid SSN decoys", () => {
    const rng = new Random(1);
    for (let i = 0; i < 500; i++) {
      expect(isValidSsn(ssn(rng))).toBe(true);
      expect(isValidSsn(invalidSsn(rng))).toBe(false);
      expect(isValidMbi(mbi(rng))).toBe(true);
      const n = npi(rng);
      expect(luhnCheckDigit(`80840${n.slice(0, 9)}`)).toBe(n[9]);
    }
  });
});

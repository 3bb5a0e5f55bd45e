import { describe, expect, it } from "vitest";
import { CustomConfigError, loadCustomConfigFile, parseCustomConfig } from "./custom.js";
import { detectAll } from "./registry.js";

const config = JSON.stringify({
  detectors: [
    { id: "acme-mrn", element: "MRN", pattern: "\\bA\\d{7}\\b", context: ["mrn", "acct"], score: "strong" },
    {
      id: "acme-badge",
      element: "DEVICE_ID",
      pattern: "\\bBDG-\\d{5}\\b",
      context: ["badge"],
      requireContext: true,
    },
  ],
  deny: ["(212) 674-4310", { value: "A0000000", element: "MRN" }],
  allow: [{ id: "roster", element: "MRN", values: ["ZZ-77"] }],
});

describe("custom detectors", () => {
  it("runs patterns with context rungs, allow lists and deny rules", () => {
    const { detectors, deny } = parseCustomConfig(config);
    const text = [
      "MRN A1234567",
      "ref A7654321",
      "BDG-99999",
      "badge BDG-12345",
      "A0000000 is denied",
      "ZZ-77",
      "call (212) 674-4310",
    ].join("\n");
    const found = detectAll(text, {
      custom: detectors,
      deny,
      detectors: ["acme-mrn", "acme-badge", "roster", "phone"],
    });
    const mrns = found.filter((f) => f.detector === "acme-mrn").map((f) => [f.text, f.score]);
    expect(mrns).toEqual([
      ["A1234567", 0.85],
      ["A7654321", 0.7],
    ]);
    expect(found.filter((f) => f.detector === "acme-badge").map((f) => f.text)).toEqual(["BDG-12345"]);
    expect(found.filter((f) => f.detector === "roster").map((f) => [f.text, f.score])).toEqual([
      ["ZZ-77", 0.95],
    ]);
    expect(found.some((f) => f.element === "PHONE")).toBe(false);
  });

  it("names the failing entry in errors", () => {
    const bad = (data: unknown) => () => parseCustomConfig(JSON.stringify(data), "my.json");
    expect(bad({ detectors: [{ id: "x", element: "NOPE", pattern: "a" }] })).toThrow(
      /my\.json: detectors\[0\]: "element" must be one of/,
    );
    expect(
      bad({
        detectors: [
          { id: "ok", element: "MRN", pattern: "a" },
          { id: "y", element: "MRN", pattern: "(" },
        ],
      }),
    ).toThrow(/detectors\[1\]: "pattern" is not a valid regular expression/);
    expect(bad({ detectors: [{ id: "x", element: "MRN", pattern: "a*" }] })).toThrow(/empty string/);
    expect(bad({ detectors: [{ id: "x", element: "MRN", pattern: "a", score: "high" }] })).toThrow(
      /"score" must be one of/,
    );
    expect(bad({ detectors: [{ id: "x", element: "MRN", pattern: "a", colour: 1 }] })).toThrow(
      /unknown key "colour"/,
    );
    expect(bad({ deny: [""] })).toThrow(/deny\[0\]: empty value/);
    expect(bad({ allow: [{ element: "MRN", values: [] }] })).toThrow(
      /allow\[0\]: "values" must not be empty/,
    );
    expect(
      bad({
        detectors: [
          { id: "a", element: "MRN", pattern: "x" },
          { id: "a", element: "MRN", pattern: "y" },
        ],
      }),
    ).toThrow(/duplicate id/);
    expect(() => parseCustomConfig("{", "my.json")).toThrow(CustomConfigError);
  });

  it("rejects YAML paths clearly", async () => {
    await expect(loadCustomConfigFile("rules.yaml")).rejects.toThrow(/YAML is not supported/);
  });
});

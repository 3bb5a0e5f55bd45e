import { describe, expect, it } from "vitest";
import type { Detector } from "../../types.js";
import { SCORE } from "../../types.js";
import { addressDetectors, locationDetector, streetAddressDetector } from "./index.js";

describe.each(addressDetectors.map((d) => [d.meta.id, d] as const))("%s examples", (_id, d) => {
  it("has at least 5 positive and 5 negative examples", () => {
    expect(d.meta.examples.filter((e) => e.expect.length > 0).length).toBeGreaterThanOrEqual(5);
    expect(d.meta.examples.filter((e) => e.expect.length === 0).length).toBeGreaterThanOrEqual(5);
  });
  it.each(d.meta.examples.map((e) => [e.text, e] as const))("%j", (_t, ex) => {
    expect(
      d
        .detect({ text: ex.text })
        .map((f) => f.text)
        .sort(),
    ).toEqual([...ex.expect].sort());
  });
});

const run = (d: Detector, text: string) =>
  d.detect({ text }).map((f) => [f.text, f.score, f.explanation.candidate]);

describe("addresses: tricky cases", () => {
  it("a street followed by its city line is confirmed; the city is confirmed too", () => {
    const t = "John Smith\n123 Main St\nBoston, MA 02115";
    expect(run(streetAddressDetector, t)).toEqual([["123 Main St", SCORE.confirmed, "number+street+suffix"]]);
    expect(run(locationDetector, t)).toEqual([["Boston, MA", SCORE.confirmed, "city-state-zip"]]);
  });

  it("splits a comma-less one-line address into street and city", () => {
    const t = "123 Main Street Springfield IL 62701";
    expect(run(streetAddressDetector, t)).toEqual([
      ["123 Main Street", SCORE.confirmed, "number+street+suffix"],
    ]);
    expect(run(locationDetector, t).map((r) => r[0])).toEqual(["Springfield IL"]);
  });

  it("does not fire on prose counts, units alone, doses, credentials or person-like pairs", () => {
    for (const t of [
      "Top 10 Best Way to cook.",
      "Please drive 5 miles on Route 9.",
      "Take 1 Tab PO at bedtime",
      "Jane Smith, PA, and Karen Lee, MD reviewed it.",
      "Smith, Georgia",
      "Suite 200",
    ]) {
      expect([...run(streetAddressDetector, t), ...run(locationDetector, t)], t).toEqual([]);
    }
  });

  it("facilities: named ones likely, generic ones possible, lower-case mentions never", () => {
    const t =
      "Referred to Johns Hopkins Hospital and Mayo Clinic. The hospital called. Memorial Hospital is full.";
    expect(run(locationDetector, t)).toEqual([
      ["Johns Hopkins Hospital", SCORE.likely, "facility"],
      ["Mayo Clinic", SCORE.likely, "facility"],
      ["Memorial Hospital", SCORE.possible, "facility"],
    ]);
  });

  it("tabular address and city columns carry row keys", () => {
    const t = "Sheet: Addr\nName\tAddress\tCity\tState\tZip\nJo Lee\t12 Birch Rd\tAkron\tOH\t44301";
    expect(streetAddressDetector.detect({ text: t }).map((f) => [f.text, f.row])).toEqual([
      ["12 Birch Rd", "Addr:2"],
    ]);
    expect(locationDetector.detect({ text: t }).map((f) => [f.text, f.row])).toEqual([["Akron", "Addr:2"]]);
  });

  it("routes, PO boxes and all-caps lines", () => {
    expect(run(streetAddressDetector, "4821 Old Highway 61 S, Tunica, MS 38676")[0]?.[0]).toBe(
      "4821 Old Highway 61 S",
    );
    expect(run(streetAddressDetector, "P.O. Box 77\nAmes, IA 50010")[0]).toEqual([
      "P.O. Box 77",
      SCORE.confirmed,
      "po-box",
    ]);
    expect(run(streetAddressDetector, "500 W. 3RD ST APT 2\nLITTLE ROCK, AR 72201")[0]?.[0]).toBe(
      "500 W. 3RD ST APT 2",
    );
  });
});

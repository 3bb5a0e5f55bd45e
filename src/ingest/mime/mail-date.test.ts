import { describe, expect, it } from "vitest";
import { parseMailDate } from "./mail-date.js";

describe("parseMailDate", () => {
  it("reads RFC 5322 dates with offsets and comments", () => {
    expect(parseMailDate("Sun, 9 Sep 2004 03:15:52 -0500")).toBe("2004-09-09T08:15:52.000Z");
    expect(parseMailDate("Mon, 6 Sep 2010 02:25:34 -0700 (PDT)")).toBe("2010-09-06T09:25:34.000Z");
    expect(parseMailDate("Tue, 10 Apr 2001 11:52:00 -0700 (PDT)")).toBe("2001-04-10T18:52:00.000Z");
  });

  it("tolerates Apple's 'at' form, GMT+1, zone names and two-digit years", () => {
    expect(parseMailDate("16 May 2016 at 09:30:32  GMT+1")).toBe("2016-05-16T08:30:32.000Z");
    expect(parseMailDate("Fri, 24 Oct 03 01:28:34 EDT")).toBe("2003-10-24T05:28:34.000Z");
    expect(parseMailDate("24 Oct 2003 01:28 GMT")).toBe("2003-10-24T01:28:00.000Z");
    expect(parseMailDate("2021-02-16T00:57:06Z")).toBe("2021-02-16T00:57:06.000Z");
  });

  it("returns undefined for dates that do not parse, without throwing", () => {
    expect(parseMailDate("not a date")).toBeUndefined();
    expect(parseMailDate("")).toBeUndefined();
    expect(parseMailDate(undefined)).toBeUndefined();
    expect(parseMailDate("99 Foo 2020 99:99:99")).toBeUndefined();
    expect(parseMailDate("x".repeat(100_000))).toBeUndefined();
  });
});

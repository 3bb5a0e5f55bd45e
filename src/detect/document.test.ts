import { describe, expect, it } from "vitest";
import { findContext, lexicon, nearest } from "./context.js";
import { cellAt, prepareDocument, rowKeyAt } from "./document.js";

describe("prepareDocument", () => {
  it("finds sheets, header rows and row keys", () => {
    const text =
      "Intro line\nSheet: Census\nPatient\tMRN\tDOB\nDoe, J\t123\t1/1/1960\nRoe, K\t456\t2/2/1970\n\n\nAfter";
    const doc = prepareDocument(text);
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables![0]!;
    expect(t.sheet).toBe("Census");
    expect(t.headers).toEqual(["Patient", "MRN", "DOB"]);
    const at = text.indexOf("456");
    const loc = cellAt(doc, at, at + 3)!;
    expect(loc.header).toBe("MRN");
    expect(rowKeyAt(doc, at)).toBe("Census:3");
    expect(rowKeyAt(doc, text.indexOf("After"))).toBeUndefined();
  });

  it("skips a title row and finds CSV blocks with quoted commas", () => {
    const text = 'Report\nName,"City, State",Zip\n"Doe, J","Austin, TX",78701\n"Roe, K","Waco, TX",76701\n';
    const doc = prepareDocument(text);
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables![0]!.headers).toEqual(["Name", "City, State", "Zip"]);
    const at = text.indexOf("76701");
    expect(cellAt(doc, at, at + 5)?.header).toBe("Zip");
  });

  it("does not treat prose with a few commas as a table", () => {
    const doc = prepareDocument("Hi, thanks, see below.\nOk, sure.\nBye, all, now.\n");
    expect(doc.tables).toEqual([]);
  });

  it("treats a 2-line TSV run as a table but a single tabbed line as prose", () => {
    expect(prepareDocument("a\tb\n1\t2\n").tables).toHaveLength(1);
    expect(prepareDocument("Name:\tJohn\n").tables).toEqual([]);
  });
});

describe("findContext", () => {
  const lex = lexicon(["dob", "date of birth"]);

  it("finds labels before, after, on the previous line and in headers, case-insensitively", () => {
    const text = "Date_of_Birth: 01/02/1960 and DOB\n03/04/1961";
    const doc = prepareDocument(text);
    const a = text.indexOf("01/02/1960");
    expect(findContext(doc, a, a + 10, lex).map((h) => h.where)).toEqual(["before"]);
    const b = text.indexOf("03/04/1961");
    expect(new Set(findContext(doc, b, b + 10, lex).map((h) => h.where))).toEqual(new Set(["previous-line"]));
  });

  it("does not cross lines mid-line and does not match inside words", () => {
    const text = "DOB\nthe patient 03/04/1961 adobe";
    const doc = prepareDocument(text);
    const b = text.indexOf("03/04/1961");
    expect(findContext(doc, b, b + 10, lex, { after: 10 })).toEqual([]);
  });

  it("prefers labels before the value over labels after it", () => {
    const text = "dob 1/1/1960 date of birth";
    const doc = prepareDocument(text);
    const hits = findContext(doc, 4, 12, lex, { after: 20 });
    expect(nearest(hits)?.where).toBe("before");
  });
});

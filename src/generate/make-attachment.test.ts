import * as XLSX from "@e965/xlsx";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import type { Attachment } from "./attachment.js";
import { DEPARTMENTS } from "./clinical.js";
import type { GenContext } from "./context.js";
import {
  type DocumentFormat,
  documentAttachment,
  sheetAttachment,
  zipAttachment,
} from "./make-attachment.js";
import { makeOrganization } from "./organization.js";
import { generatePopulation } from "./patients.js";
import { Random } from "./random.js";
import { unzipSync } from "./unzip.js";

function context(seed: number): GenContext {
  const rng = new Random(seed);
  const today = { y: 2025, m: 5, d: 20 };
  const population = generatePopulation(rng, 40, today);
  const org = makeOrganization(rng, DEPARTMENTS);
  return {
    rng,
    population,
    org,
    incidentDate: today,
    now: today,
    pickPatient: () => rng.pick(population.patients),
  };
}

async function build(seed: number): Promise<Attachment[]> {
  const ctx = context(seed);
  const pts = ctx.population.patients;
  const out: Attachment[] = [
    await sheetAttachment(ctx, pts.slice(0, 25), "xlsx"),
    await sheetAttachment(ctx, pts.slice(0, 25), "csv"),
  ];
  for (const f of ["pdf", "docx", "png", "jpeg", "pdf-scan"] as DocumentFormat[]) {
    out.push(await documentAttachment(ctx, "registration-form", pts[1]!, f));
  }
  out.push(zipAttachment(ctx, out.slice(0, 3)));
  return out;
}

describe("attachments", () => {
  it("render byte-identically for the same seed", async () => {
    const a = await build(3);
    const b = await build(3);
    expect(a.map((x) => Buffer.from(x.bytes).toString("base64"))).toEqual(
      b.map((x) => Buffer.from(x.bytes).toString("base64")),
    );
  });

  it("are valid files whose text holds every span", async () => {
    const files = await build(4);
    for (const f of files) {
      for (const s of f.spans) expect(f.text.slice(s.start, s.end)).toBe(s.text);
    }
    const [xlsx, csv, pdf, docx, png, jpeg, scan, zip] = files;
    const wb = XLSX.read(xlsx!.bytes, { type: "buffer" });
    for (const s of xlsx!.spans) expect(String(wb.Sheets[s.sheet!]![s.cell!]?.v)).toBe(s.text);
    expect(Buffer.from(csv!.bytes).toString("utf8")).toBe(csv!.text);
    expect(csv!.spans.length).toBeGreaterThan(25);
    expect((await PDFDocument.load(pdf!.bytes)).getPageCount()).toBe(1);
    expect(unzipSync(docx!.bytes).some((e) => e.name === "word/document.xml")).toBe(true);
    expect(Buffer.from(png!.bytes).subarray(1, 4).toString()).toBe("PNG");
    expect(jpeg!.bytes[0]).toBe(0xff);
    expect((await PDFDocument.load(scan!.bytes)).getPageCount()).toBe(1 + (scan!.boilerplatePages ?? 0));
    expect(unzipSync(zip!.bytes).map((e) => e.name)).toEqual(zip!.entries!.map((e) => e.name));
  });
});

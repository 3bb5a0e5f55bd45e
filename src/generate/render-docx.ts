import { Document, Packer, Paragraph, TextRun } from "docx";
import { unzipSync } from "./unzip.js";
import { writeZip } from "./zip.js";

/**
 * A DOCX with one paragraph per canonical line. The docx package stamps the current time into
 * docProps/core.xml, so the package is rewritten with fixed dates to stay reproducible.
 */
export async function renderDocx(lines: readonly string[], title: string): Promise<Uint8Array> {
  const doc = new Document({
    creator: "breachscope",
    title,
    sections: [
      {
        children: lines.map(
          (line, i) =>
            new Paragraph({
              children: [new TextRun({ text: line, bold: i === 0, size: i === 0 ? 28 : 22 })],
            }),
        ),
      },
    ],
  });
  const bytes = await Packer.toBuffer(doc);
  const entries = unzipSync(bytes).map((e) =>
    e.name === "docProps/core.xml"
      ? {
          name: e.name,
          bytes: Buffer.from(
            e.bytes
              .toString("utf8")
              .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, "2020-01-01T00:00:00Z"),
          ),
        }
      : e,
  );
  return writeZip(entries);
}

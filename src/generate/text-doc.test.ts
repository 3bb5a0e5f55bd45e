import { describe, expect, it } from "vitest";
import { TextDoc } from "./text-doc.js";

describe("TextDoc", () => {
  it("keeps span offsets when quoting and wrapping", () => {
    const inner = new TextDoc()
      .add("Patient ")
      .phi("PERSON_NAME", "Ana Ruiz", "1")
      .line()
      .add("DOB ")
      .phi("DATE_OF_BIRTH", "3/4/61", "1")
      .line();
    const outer = new TextDoc().line("Reply text").append(inner, "> ");
    for (const s of outer.spans) expect(outer.toString().slice(s.start, s.end)).toBe(s.text);
    const long = new TextDoc()
      .add("word ".repeat(30))
      .phi("SSN", "123-45-6780", "1")
      .add(" tail ".repeat(20))
      .wrap(40);
    const text = long.toString();
    expect(text.includes("\n")).toBe(true);
    for (const s of long.spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

import { describe, expect, it } from "vitest";
import { ELEMENTS } from "../../../core/elements.js";
import type { Detector } from "../../types.js";
import { SCORE } from "../../types.js";
import { detectNames, headerKind, nameDetectors, nameVariants, nicknameMap, parseName } from "./index.js";

function texts(d: Detector, text: string): string[] {
  return d.detect({ text }).map((f) => f.text);
}

describe.each(nameDetectors.map((d) => [d.meta.id, d] as const))("%s examples", (_id, d) => {
  it("has at least 5 positive and 5 negative examples and known elements", () => {
    expect(d.meta.examples.filter((e) => e.expect.length > 0).length).toBeGreaterThanOrEqual(5);
    expect(d.meta.examples.filter((e) => e.expect.length === 0).length).toBeGreaterThanOrEqual(5);
    for (const el of d.meta.elements) expect(Object.hasOwn(ELEMENTS, el)).toBe(true);
  });
  it.each(d.meta.examples.map((e) => [e.text, e] as const))("%j", (_t, ex) => {
    expect(texts(d, ex.text).sort()).toEqual([...ex.expect].sort());
  });
});

function found(text: string): [string, string, string][] {
  return detectNames(text).map((f) => [f.element, f.text, f.explanation.candidate]);
}

describe("names: tricky cases", () => {
  it("never takes greetings, closings, portals, facilities or calendar words for names", () => {
    for (const t of [
      "Dear Team,",
      "Dear Valued Customer,\nBest regards,\nThe Billing Office",
      "Best Regards",
      "Log in to the Patient Portal.",
      "Transferred to Memorial Hospital.",
      "Grant Park Clinic, St. John Hospital, Martin Luther King Jr Blvd, George Washington University",
      "Parkinson Disease and Crohn Disease follow-up",
      "Appointment on Monday, March 3 at North Shore Medical Center.",
      "Lisinopril 10 mg daily. Warfarin 5 mg. Tylenol PRN. Eliquis.",
      "Guarantor: SELF",
      "RE: Patient Follow Up Needed",
    ]) {
      expect(found(t), t).toEqual([]);
    }
  });

  it("titles, credentials and provider labels give PROVIDER_NAME", () => {
    expect(found("Attending: Amit Patel, MD")).toEqual([["PROVIDER_NAME", "Amit Patel", "label"]]);
    expect(found("Hi Dr. Patel,")).toEqual([["PROVIDER_NAME", "Patel", "honorific"]]);
    expect(found("Seen with Karen Walsh, NP today.")[0]?.[0]).toBe("PROVIDER_NAME");
    expect(found("DR KIM AWARE.")).toEqual([["PROVIDER_NAME", "KIM", "honorific"]]);
  });

  it("handles particles, apostrophes, hyphens, diacritics and origins", () => {
    expect(found("RE: Mary Ann van der Berg account")[0]?.[1]).toBe("Mary Ann van der Berg");
    expect(found("Can you look at Mrs. García's labs?")[0]?.[1]).toBe("García");
    expect(found("She is José Núñez's mother.")[0]?.[1]).toBe("José Núñez");
    expect(found("Emergency Contact: Peggy Sue O'Neil (sister)")[0]?.[1]).toBe("Peggy Sue O'Neil");
    expect(found("Please schedule Ahmed Al-Farsi and Nguyen Thi Huong.").map((f) => f[1])).toEqual([
      "Ahmed Al-Farsi",
      "Nguyen Thi Huong",
    ]);
    expect(found('Patient Name: Robert "Bob" Jackson Jr.')[0]?.[1]).toBe('Robert "Bob" Jackson');
  });

  it("all-caps notes need a context word or clean lexicon hits", () => {
    const t = "PATIENT MARIA LOPEZ 67YO F WITH CHF EXACERBATION. SPOKE WITH DAUGHTER ANA LOPEZ.";
    expect(found(t).map((f) => f[1])).toEqual(["MARIA LOPEZ", "ANA LOPEZ"]);
    expect(found("PT TOLERATED PROCEDURE WELL. WILL FOLLOW UP IN CLINIC.")).toEqual([]);
  });

  it("tabular text: name columns give row keys; provider columns give PROVIDER_NAME", () => {
    const t =
      "Sheet: Roster\nLast Name\tFirst Name\tMRN\tProvider\nSMITH\tJOHN\t123\tDr. Alan Reyes\nO'Brien\tSiobhan\t456\tKaren Lee, NP";
    const fs = detectNames(t);
    expect(fs.map((f) => [f.element, f.text, f.row])).toEqual([
      ["PERSON_NAME", "SMITH", "Roster:2"],
      ["PERSON_NAME", "JOHN", "Roster:2"],
      ["PROVIDER_NAME", "Alan Reyes", "Roster:2"],
      ["PERSON_NAME", "O'Brien", "Roster:3"],
      ["PERSON_NAME", "Siobhan", "Roster:3"],
      ["PROVIDER_NAME", "Karen Lee", "Roster:3"],
    ]);
    const csv = detectNames(
      'name,dob,phone\n"Kowalski, Anna",1/2/1950,555-1212\nTran Van Minh,3/4/1960,555-3434',
    );
    expect(csv.map((f) => f.text)).toEqual(["Kowalski, Anna", "Tran Van Minh"]);
  });

  it("uses the ladder: prose pair possible, ambiguous pair weak, label+lexicon confirmed", () => {
    const [prose] = detectNames("Please call Robert Johnson today.");
    expect(prose?.score).toBe(SCORE.possible);
    const [amb] = detectNames("We met Hope Wood there.");
    expect(amb?.score).toBe(SCORE.weak);
    const [lab] = detectNames("Patient: Robert Johnson");
    expect(lab?.score).toBe(SCORE.confirmed);
    expect(lab?.explanation.validations).toEqual([
      { rule: "given-name-lexicon", passed: true },
      { rule: "surname-lexicon", passed: true },
    ]);
    const [shape] = detectNames("Patient: Zxqy Vrumplestein");
    expect(shape?.score).toBe(SCORE.strong);
  });

  it("signatures and salutations", () => {
    expect(found("Thanks, Maria")).toEqual([["PERSON_NAME", "Maria", "signature"]]);
    expect(found("Thanks!\nJoe")).toEqual([["PERSON_NAME", "Joe", "signature"]]);
    expect(found("Hi Lakisha,\nyour appointment is set.")).toEqual([
      ["PERSON_NAME", "Lakisha", "salutation"],
    ]);
    expect(found("Thanks,\nMichael Brown, PA-C")).toEqual([["PROVIDER_NAME", "Michael Brown", "signature"]]);
  });

  it("inverted lists", () => {
    expect(found("SMITH, JOHN A\nGarcia, Maria").map((f) => f[1])).toEqual([
      "SMITH, JOHN A",
      "Garcia, Maria",
    ]);
    expect(found("Springfield, Illinois")).toEqual([]);
  });
});

describe("names: mail headers, notes and lists", () => {
  it("quoted display names in headers, caps notes, honorifics without periods", () => {
    expect(found('From: "Garcia, Maria" <mgarcia@example.org>\nCc: Dr. Robert O\'Connell')).toEqual([
      ["PERSON_NAME", "Garcia, Maria", "inverted"],
      ["PROVIDER_NAME", "Robert O'Connell", "honorific"],
    ]);
    expect(found("PLAN DISCUSSED WITH DR. PATEL. WILL F/U WITH PCP DR JAMES WONG.").map((f) => f[1])).toEqual(
      ["PATEL", "JAMES WONG"],
    );
    expect(found("Please call back Ms Hernandez. Mrs Okafor also called.").map((f) => f[1])).toEqual([
      "Hernandez",
      "Okafor",
    ]);
    expect(found("Dear Mr. and Mrs. Johnson,")).toEqual([["PERSON_NAME", "Johnson", "honorific"]]);
  });
  it("labelled hyphenated and accented names; lists of LAST, FIRST lines", () => {
    expect(found("Name: Smith-Jones, Mary-Kate\nMother: Lucía Fernández-Ortiz").map((f) => f[1])).toEqual([
      "Smith-Jones, Mary-Kate",
      "Lucía Fernández-Ortiz",
    ]);
    expect(found("Patient list:\nDOE, JANE M\nROE, RICHARD\nDiagnosis: CHF").map((f) => f[1])).toEqual([
      "DOE, JANE M",
      "ROE, RICHARD",
    ]);
  });
  it("relationship words, bare salutations and credentialed signatures", () => {
    expect(found("Spoke with pt's son, Michael, who agrees.")).toEqual([
      ["PERSON_NAME", "Michael", "titlecase"],
    ]);
    expect(found("His wife Lakisha called.")).toEqual([["PERSON_NAME", "Lakisha", "titlecase"]]);
    expect(found("John,\nCan you pull the chart?")).toEqual([["PERSON_NAME", "John", "salutation"]]);
    expect(found("Thank you,\n\nJennifer L. Walsh, MSN, RN\nNurse Manager")).toEqual([
      ["PROVIDER_NAME", "Jennifer L. Walsh", "signature"],
    ]);
    expect(found("Sincerely,\nBilling Department")).toEqual([]);
    expect(found("The Johnson family requested records. Sent to Smith Medical Records.")).toEqual([]);
  });
  it("a comma-separated list of full names is not read as 'Last, First'", () => {
    expect(found("cc: Dominic Carolan, Barton Clark, Gary Bode").map((f) => [f[1], f[2]])).toEqual([
      ["Dominic Carolan", "titlecase"],
      ["Barton Clark", "titlecase"],
      ["Gary Bode", "titlecase"],
    ]);
  });
  it("a known given name with an unknown, non-dictionary surname is possible", () => {
    const [f] = detectNames("Priya Venkataraman called about the refill.");
    expect([f?.text, f?.score]).toEqual(["Priya Venkataraman", SCORE.possible]);
    for (const t of [
      "Victoria Secret sale",
      "Amanda Update: the clinic",
      "Maria Hospital",
      "Emily Post office",
    ]) {
      expect(found(t), t).toEqual([]);
    }
  });
  it("company names built from a job title or an organisation word are not names", () => {
    for (const t of [
      "President Lincoln, George Washington Bridge, Martin Luther King Day",
      "Chase Bank. Rose Bowl.",
    ]) {
      expect(found(t), t).toEqual([]);
    }
  });
  it("column headers", () => {
    expect(headerKind("Patient Name (Last, First)")).toBe("PERSON_NAME");
    expect(headerKind("Attending Physician")).toBe("PROVIDER_NAME");
    expect(headerKind("Patient ID")).toBeUndefined();
    expect(headerKind("Provider NPI")).toBeUndefined();
    expect(headerKind("Facility Name")).toBeUndefined();
    expect(headerKind("Drug Name")).toBeUndefined();
  });
});

describe("nameVariants", () => {
  it("normalises case, order, initials, nicknames and diacritics", () => {
    const v = nameVariants("Dr. José A. Núñez, MD");
    expect(v[0]).toBe("jose nunez");
    expect(v).toEqual(expect.arrayContaining(["nunez jose", "nunez, jose", "jose a nunez", "j nunez"]));
    const b = nameVariants("SMITH, BOB");
    expect(b[0]).toBe("bob smith");
    expect(b).toEqual(expect.arrayContaining(["robert smith", "smith, robert", "b smith"]));
    expect(nameVariants("Peggy O'Neil")).toEqual(expect.arrayContaining(["margaret o'neil", "peggy oneil"]));
    expect(nameVariants("Juan de la Cruz")).toEqual(
      expect.arrayContaining(["juan de la cruz", "juan delacruz"]),
    );
    expect(nameVariants("Linh Nguyen-Tran")).toEqual(
      expect.arrayContaining(["linh nguyen tran", "linh nguyentran"]),
    );
  });
  it("parses order and strips suffixes", () => {
    expect(parseName("Jackson, Robert Jr.")).toEqual({ given: ["robert"], surname: ["jackson"] });
    expect(parseName("Robert Jackson, Jr.")).toEqual({ given: ["robert"], surname: ["jackson"] });
    expect(nicknameMap().get("peggy")).toEqual(["margaret"]);
  });
});

describe("names: cost", () => {
  it("stays linear on a long single-line input full of titles", () => {
    const text = "Dr. Mr. Mrs. Patient: ".repeat(5000);
    const t0 = performance.now();
    detectNames(text);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

import { Random } from "./random.js";
import { renderScanImage } from "./render-scan.js";

/**
 * Scanned packets carry pages with no personal data (privacy notice, financial policy, consent
 * text). They are rendered once per process, from fixed seeds, and appended to scanned PDFs:
 * realistic bulk that costs nothing to reproduce.
 */
const PAGES: readonly (readonly string[])[] = [
  [
    "NOTICE OF PRIVACY PRACTICES",
    "",
    "THIS NOTICE DESCRIBES HOW MEDICAL INFORMATION ABOUT YOU MAY BE USED AND",
    "DISCLOSED AND HOW YOU CAN GET ACCESS TO THIS INFORMATION.",
    "PLEASE REVIEW IT CAREFULLY.",
    "",
    "We are required by law to maintain the privacy of protected health information,",
    "to provide you with notice of our legal duties and privacy practices, and to",
    "notify affected individuals following a breach of unsecured health information.",
    "",
    "Uses and disclosures for treatment, payment and health care operations.",
    "We may use your information to provide treatment, to bill and collect payment",
    "for services, and to run our organization and improve quality of care.",
  ],
  [
    "FINANCIAL POLICY",
    "",
    "Payment is due at the time of service unless other arrangements have been made.",
    "We accept cash, checks and major credit cards. Co-payments are collected at",
    "check-in. Balances older than 90 days may be referred to a collection agency.",
    "",
    "Insurance: as a courtesy we will bill your primary and secondary insurance.",
    "You are responsible for any amount your plan does not cover, including",
    "deductibles, co-insurance and non-covered services.",
    "",
    "Returned checks are subject to a fee as permitted by state law.",
  ],
  [
    "CONSENT FOR TREATMENT",
    "",
    "I voluntarily consent to care, including diagnostic procedures and medical",
    "treatment, by the physicians and staff of this facility. I understand that the",
    "practice of medicine is not an exact science and that no guarantees have been",
    "made to me regarding the results of treatment or examination.",
    "",
    "I authorize release of information necessary to process insurance claims.",
    "",
    "Signature of patient or legal representative ______________________",
    "",
    "Witness ______________________",
  ],
  [
    "PATIENT RIGHTS AND RESPONSIBILITIES",
    "",
    "You have the right to considerate and respectful care; to receive information",
    "about your illness, course of treatment and prospects for recovery in terms you",
    "can understand; to participate in decisions about your care; to refuse",
    "treatment to the extent permitted by law; to an interpreter at no cost.",
    "",
    "You are responsible for providing accurate and complete information about",
    "present complaints, past illnesses, hospitalizations and medications.",
  ],
  [
    "INSTRUCTIONS FOR COMPLETING THIS FORM",
    "",
    "1. Print clearly in blue or black ink.",
    "2. Attach a copy of the front and back of the insurance card.",
    "3. Sign and date page 2.",
    "4. Incomplete forms will be returned and may delay processing.",
    "",
    "Fax completed forms to the number on the cover sheet.",
    "For questions call the Health Information Management department,",
    "Monday through Friday, 8:00 AM to 4:30 PM.",
  ],
  ["(this page intentionally left blank)"],
];

const cache = new Map<number, Uint8Array>();

export const BOILERPLATE_PAGE_COUNT = PAGES.length;

export function boilerplatePage(index: number): Uint8Array {
  const i = index % PAGES.length;
  let bytes = cache.get(i);
  if (!bytes) {
    bytes = renderScanImage(PAGES[i]!, new Random(7_000 + i), "jpeg");
    cache.set(i, bytes);
  }
  return bytes;
}

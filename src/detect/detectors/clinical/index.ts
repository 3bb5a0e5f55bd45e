import type { Detector } from "../../types.js";
import { labResultDetector } from "./lab-results.js";
import { diagnosisDetector, medicationDetector, procedureDetector } from "./terms-detector.js";

export { detectLabs, LAB_DETECTOR_ID, labResultDetector } from "./lab-results.js";
export {
  diagnosisDetector,
  diagnosisLexicon,
  medicationDetector,
  medicationLexicon,
  procedureDetector,
  procedureLexicon,
} from "./terms-detector.js";

/** The clinical detectors, for registration with the detection framework. */
export const clinicalDetectors: Detector[] = [
  diagnosisDetector,
  medicationDetector,
  procedureDetector,
  labResultDetector,
];

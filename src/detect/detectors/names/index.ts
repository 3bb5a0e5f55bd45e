import type { Detector } from "../../types.js";
import { personNameDetector, providerNameDetector } from "./person-names.js";

export {
  detectNames,
  headerKind,
  PERSON_DETECTOR_ID,
  personNameDetector,
  providerNameDetector,
} from "./person-names.js";
export { nameVariants, nicknameMap, type ParsedName, parseName } from "./variants.js";

/** The name detectors, for registration with the detection framework. */
export const nameDetectors: Detector[] = [personNameDetector, providerNameDetector];

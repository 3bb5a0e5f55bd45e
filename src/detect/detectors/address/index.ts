import type { Detector } from "../../types.js";
import { locationDetector, streetAddressDetector } from "./address.js";

export {
  ADDRESS_DETECTOR_ID,
  LOCATION_DETECTOR_ID,
  locationDetector,
  streetAddressDetector,
} from "./address.js";

/** The address detectors, for registration with the detection framework. */
export const addressDetectors: Detector[] = [streetAddressDetector, locationDetector];

export { ELEMENT_CODES, type ElementCode } from "./elements.js";
export {
  GENERATOR_VERSION,
  type GenerateOptions,
  type GenerateSummary,
  generateIncident,
} from "./incident.js";
export { parseSize } from "./size.js";
export { TRUTH_FORMAT, type TruthItem, type TruthLocation } from "./truth.js";

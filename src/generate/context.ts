import type { Ymd } from "./dates.js";
import type { Organization } from "./organization.js";
import type { Population } from "./patients.js";
import type { Person } from "./people.js";
import type { Random } from "./random.js";

/** What every content generator needs: randomness, the people, the hospital, "today". */
export interface GenContext {
  rng: Random;
  population: Population;
  org: Organization;
  /** The day the compromise was discovered; all content is dated before it. */
  incidentDate: Ymd;
  /** The date of the message being written; content dates are relative to it. */
  now: Ymd;
  /** Picks a patient who will show up in mail (a recurring subset, so people repeat). */
  pickPatient(): Person;
}

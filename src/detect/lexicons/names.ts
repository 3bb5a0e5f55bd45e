/**
 * Name lexicons: given names, surnames (frequency-ranked), name entries that are also common English
 * words, a nickname map, and the words that must never be taken for a name in Title Case.
 */
import ambiguousData from "./ambiguous-names.data.js";
import commonWordsData from "./common-words.data.js";
import givenData from "./given-names.data.js";
import surnameData from "./surnames.data.js";
import { lazy, nameKey, splitLines } from "./text.js";

function ranked(data: string): Map<string, number> {
  const m = new Map<string, number>();
  let rank = 0;
  for (const w of splitLines(data)) if (!m.has(w)) m.set(w, ++rank);
  return m;
}

/** Given name key -> frequency rank (1 = most common). */
export const givenNames = lazy(() => {
  const m = ranked(givenData);
  // Nicknames are given names too.
  let r = m.size;
  for (const nick of nicknameMap().keys()) if (!m.has(nick)) m.set(nick, ++r);
  return m;
});
/** Surname key -> frequency rank (1 = most common). */
export const surnames = lazy(() => ranked(surnameData));
/** Name entries that are also common English words ("will", "grant", "park", "rose"). */
export const ambiguousNames = lazy(() => new Set(splitLines(ambiguousData)));

/** Common English words that are in neither name lexicon ("update", "secret", "portal"). */
export const commonWords = lazy(() => new Set(splitLines(commonWordsData)));

export function isCommonWord(token: string): boolean {
  return commonWords().has(nameKey(token));
}

/** Frequency rank of a given name (1 = most common), or undefined. */
export function givenNameRank(token: string): number | undefined {
  return givenNames().get(nameKey(token));
}

export function isGivenName(token: string): boolean {
  if (givenNames().has(nameKey(token))) return true;
  // hyphenated given names: "Mary-Kate", "Jean-Pierre"
  const parts = token.split(/[-‐]/);
  return parts.length > 1 && parts.every((p) => p.length > 1 && givenNames().has(nameKey(p)));
}

export function isSurname(token: string): boolean {
  const k = nameKey(token);
  if (surnames().has(k)) return true;
  // Arabic/Hebrew prefixed surnames written with a hyphen or space: "Al-Farsi", "Abu Bakr", "Ben-David"
  if (/^(?:[Aa]l|[Ee]l|[Aa]bu|[Bb]in|[Ii]bn|[Bb]en)[-‐ ]\p{Lu}\p{Ll}{2,}/u.test(token)) return true;
  // Hyphenated or double-barrelled: any part that is a known surname.
  const parts = token.split(/[-‐–\s]+/).filter((p) => p.length > 1);
  if (parts.length > 1) return parts.some((p) => surnames().has(nameKey(p)));
  // Mc/Mac/O' prefixes over a known root.
  const m = /^(?:mc|mac|o)(.{3,})$/.exec(k);
  return m !== null && surnames().has(m[1]!);
}

export function isAmbiguousName(token: string): boolean {
  return ambiguousNames().has(nameKey(token));
}

/**
 * Nicknames and short forms -> canonical given names (one nickname may map to several). Hand-built
 * from common English-language usage.
 */
const NICKNAMES = `
abby abigail|abe abraham|al albert alan alfred|alex alexander alexandra|alf alfred|ali alison alice
allie alice allison|andy andrew|angie angela|annie ann anne|art arthur|babs barbara|barb barbara
barney bernard|bart bartholomew|becky rebecca|bella isabella isabel|ben benjamin|benny benjamin
bernie bernard|bert albert herbert|beth elizabeth|betsy elizabeth|betty elizabeth|bill william
billy william|bob robert|bobbie roberta|bobby robert|brad bradley|bud william|cal calvin
candy candace|carrie caroline carol|cathy catherine|cass cassandra|charlie charles|chas charles
chip charles|chris christopher christine|chrissy christine|chuck charles|cindy cynthia|cissy cecilia
cliff clifford|connie constance|dan daniel|danny daniel|dave david|davey david|deb deborah
debbie deborah|debby deborah|del delbert|dick richard|dot dorothy|dottie dorothy|doug douglas
drew andrew|ed edward edwin|eddie edward|eddy edward|ellie eleanor|eli elijah|fran frances francis
frank francis|fred frederick|freddie frederick|gabe gabriel|gene eugene|gerry gerald|gina regina
greg gregory|gus augustus|hal harold henry|hank henry|harry harold henry|hattie harriet|herb herbert
ike isaac|izzy isabel|jack john|jackie jacqueline|jake jacob|jan janet janice|jeff jeffrey|jen jennifer
jenny jennifer|jerry gerald jerome|jess jessica|jessie jessica|jim james|jimmy james|jo joanne josephine
joe joseph|joey joseph|johnny john|jon jonathan|josh joshua|judy judith|kate katherine|kathy katherine
katie katherine|kay katherine|ken kenneth|kenny kenneth|kim kimberly|kit katherine christopher
larry lawrence|len leonard|lenny leonard|leo leonard|les leslie|lexi alexandra|libby elizabeth
lily lillian|liz elizabeth|lizzie elizabeth|lou louis louise|lucy lucille|maddie madeline madison
maggie margaret|mandy amanda|marge margaret|margie margaret|marty martin|matt matthew|matty matthew
max maxwell maximilian|meg margaret|mel melvin melissa|mick michael|mickey michael|mike michael
mikey michael|millie mildred|mindy melinda|missy melissa|mitch mitchell|molly mary|nan nancy
nate nathan nathaniel|ned edward|nell eleanor|nick nicholas|nicky nicholas|nikki nicole|ollie oliver
pam pamela|pat patrick patricia|patsy patricia|patty patricia|peg margaret|peggy margaret|pete peter
phil philip|polly mary|ray raymond|reggie reginald|rich richard|richie richard|rick richard
ricky richard|rob robert|robbie robert|ron ronald|ronnie ronald|rosie rose rosemary|russ russell
sal salvatore|sally sarah|sam samuel samantha|sammy samuel|sandy sandra|sid sidney|stan stanley
steve steven stephen|stu stuart|sue susan|susie susan|suzy susan|ted edward theodore|teddy edward theodore
terry terence theresa|tess theresa|tina christina|tom thomas|tommy thomas|tony anthony|trish patricia
trudy gertrude|val valerie|vick victor|vicky victoria|vince vincent|walt walter|wes wesley|will william
willy william|winnie winifred|zach zachary|zack zachary|pepe jose|paco francisco|pancho francisco
lupe guadalupe|chuy jesus|lalo eduardo|memo guillermo|beto alberto roberto|nacho ignacio|chela graciela
`;

/** Nickname key -> canonical given-name keys. */
export const nicknameMap = lazy(() => {
  const m = new Map<string, string[]>();
  for (const entry of NICKNAMES.split(/[|\n]/)) {
    const [nick, ...canon] = entry.trim().split(/\s+/);
    if (nick && canon.length > 0) m.set(nick, canon);
  }
  return m;
});

/** Canonical given-name forms for a token (itself when it is not a known nickname). */
export function canonicalGiven(token: string): string[] {
  const k = nameKey(token);
  return nicknameMap().get(k) ?? [k];
}

/**
 * Words that are never a personal name in Title Case even though a lexicon may list them: calendar
 * words, greetings and closings, organisation/place heads, clinical and office words.
 */
const CALENDAR_WORDS = `
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
`;

/** Month and weekday words: never a name in prose, though "April" or "June" can be one after a label. */
export const calendarWords = lazy(() => new Set(CALENDAR_WORDS.split(/\s+/).filter((w) => w.length > 0)));

export function isCalendarWord(token: string): boolean {
  return calendarWords().has(nameKey(token));
}

const NON_NAME_WORDS = `
today tomorrow yesterday morning afternoon evening night week weekend month year
dear hi hello hey greetings thanks thank thx regards best sincerely cheers respectfully cordially
warm kind warmest kindest many yours truly please fyi attached attachment note notes reminder urgent
team all everyone folks staff colleagues department dept office group committee board
patient patients pt pts client member members guarantor subscriber insured beneficiary resident
portal hospital memorial medical medicine health healthcare clinic clinics center centre institute
university college school foundation association society services service care center
county city state town village parish district region street avenue road boulevard lane drive court
place terrace highway parkway circle way trail plaza square suite floor building room unit
north south east west northern southern eastern western upper lower new old saint st mount mt fort lake
river valley hill hills park heights springs beach bay island
inc llc ltd corp company co group partners pharmacy labs laboratory radiology cardiology oncology
pediatrics surgery emergency urgent primary family internal general regional community
insurance medicare medicaid blue cross shield aetna cigna humana united
the a an and or of for to in on at by with from as is are was be this that these those it its
re fw fwd subject from sent cc bcc date
mr mrs ms miss mx dr doctor prof professor nurse
president director manager chief officer vice chair chairman chairwoman secretary coordinator supervisor
administrator ceo cfo coo cmo cno cio rep representative assistant associate executive analyst specialist
technician tech therapist counselor pharmacist physician surgeon resident intern fellow attending chaplain
sergeant captain lieutenant colonel general major private governor senator mayor judge officer agent
customer client vendor sender recipient user admin support helpdesk desk it hr
md do np pa rn lpn cna dds dmd phd
yes no not none unknown na n/a self same pending deceased
signed electronically reviewed dictated transcribed
report results result summary history assessment plan diagnosis impression findings
`;

export const nonNameWords = lazy(() => new Set(NON_NAME_WORDS.split(/\s+/).filter((w) => w.length > 0)));

export function isNonNameWord(token: string): boolean {
  return nonNameWords().has(nameKey(token));
}

/** Surnames that are written first (Vietnamese, Chinese, Korean order): "Nguyen Thi Huong". */
export const SURNAME_FIRST = new Set(
  (
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly truong dinh lam " +
    "wang zhang liu chen yang huang zhao wu zhou xu sun zhu hu guo lin luo zheng liang xie tang feng deng cao " +
    "kim park choi jung kang cho yoon jang lim han shin seo kwon hwang ahn song"
  ).split(" "),
);

/** Lower-case surname particles that may sit between given name and surname. */
export const SURNAME_PARTICLES = new Set([
  "de",
  "del",
  "della",
  "de la",
  "la",
  "le",
  "van",
  "von",
  "der",
  "den",
  "da",
  "das",
  "do",
  "dos",
  "di",
  "du",
  "bin",
  "ibn",
  "al",
  "el",
  "ben",
  "ter",
  "ten",
  "st",
  "y",
]);

/** Credentials that make a name a provider's. */
export const CREDENTIALS = [
  "MD",
  "M.D.",
  "DO",
  "D.O.",
  "NP",
  "FNP",
  "FNP-C",
  "FNP-BC",
  "ANP",
  "APRN",
  "ARNP",
  "DNP",
  "PA",
  "PA-C",
  "RN",
  "BSN",
  "MSN",
  "LPN",
  "LVN",
  "CNA",
  "CNM",
  "CRNA",
  "DDS",
  "DMD",
  "DPM",
  "DC",
  "OD",
  "PharmD",
  "RPh",
  "PhD",
  "PsyD",
  "LCSW",
  "LMFT",
  "LPC",
  "MBBS",
  "FACS",
  "FACP",
  "FACC",
  "PT",
  "DPT",
  "OT",
  "OTR/L",
  "RD",
  "CCC-SLP",
];

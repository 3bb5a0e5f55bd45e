/** A compact gazetteer: a few real cities per state with a ZIP prefix and area codes. */
export interface City {
  name: string;
  /** The first three digits of the city's ZIP codes; the generator adds two digits. */
  zip3: string;
}

export interface StateInfo {
  code: string;
  name: string;
  /** Share of the patient population living there. */
  weight: number;
  areaCodes: readonly string[];
  cities: readonly City[];
}

export const STATES: readonly StateInfo[] = [
  {
    code: "CT",
    name: "Connecticut",
    weight: 30,
    areaCodes: ["203", "860", "475"],
    cities: [
      { name: "Hartford", zip3: "061" },
      { name: "New Haven", zip3: "065" },
      { name: "Bridgeport", zip3: "066" },
      { name: "Stamford", zip3: "069" },
      { name: "Waterbury", zip3: "067" },
      { name: "Norwalk", zip3: "068" },
      { name: "West Hartford", zip3: "061" },
      { name: "Middletown", zip3: "064" },
    ],
  },
  {
    code: "RI",
    name: "Rhode Island",
    weight: 8,
    areaCodes: ["401"],
    cities: [
      { name: "Providence", zip3: "029" },
      { name: "Warwick", zip3: "028" },
      { name: "Cranston", zip3: "029" },
      { name: "Pawtucket", zip3: "028" },
    ],
  },
  {
    code: "MA",
    name: "Massachusetts",
    weight: 14,
    areaCodes: ["617", "508", "413", "978"],
    cities: [
      { name: "Boston", zip3: "021" },
      { name: "Worcester", zip3: "016" },
      { name: "Springfield", zip3: "011" },
      { name: "Cambridge", zip3: "021" },
      { name: "Lowell", zip3: "018" },
    ],
  },
  {
    code: "NY",
    name: "New York",
    weight: 14,
    areaCodes: ["212", "718", "914", "516", "518"],
    cities: [
      { name: "New York", zip3: "100" },
      { name: "Brooklyn", zip3: "112" },
      { name: "Yonkers", zip3: "107" },
      { name: "White Plains", zip3: "106" },
      { name: "Albany", zip3: "122" },
    ],
  },
  {
    code: "MN",
    name: "Minnesota",
    weight: 4,
    areaCodes: ["612", "651", "952"],
    cities: [
      { name: "Minneapolis", zip3: "554" },
      { name: "Saint Paul", zip3: "551" },
      { name: "Rochester", zip3: "559" },
      { name: "Duluth", zip3: "558" },
    ],
  },
  {
    code: "CA",
    name: "California",
    weight: 6,
    areaCodes: ["213", "415", "619", "916"],
    cities: [
      { name: "Los Angeles", zip3: "900" },
      { name: "San Francisco", zip3: "941" },
      { name: "San Diego", zip3: "921" },
      { name: "Sacramento", zip3: "958" },
    ],
  },
  {
    code: "TX",
    name: "Texas",
    weight: 5,
    areaCodes: ["214", "512", "713", "210"],
    cities: [
      { name: "Houston", zip3: "770" },
      { name: "Austin", zip3: "787" },
      { name: "Dallas", zip3: "752" },
      { name: "San Antonio", zip3: "782" },
    ],
  },
  {
    code: "FL",
    name: "Florida",
    weight: 6,
    areaCodes: ["305", "407", "813", "561"],
    cities: [
      { name: "Miami", zip3: "331" },
      { name: "Orlando", zip3: "328" },
      { name: "Tampa", zip3: "336" },
      { name: "Boca Raton", zip3: "334" },
    ],
  },
  {
    code: "NJ",
    name: "New Jersey",
    weight: 4,
    areaCodes: ["201", "732", "973"],
    cities: [
      { name: "Newark", zip3: "071" },
      { name: "Jersey City", zip3: "073" },
      { name: "Trenton", zip3: "086" },
    ],
  },
  {
    code: "VT",
    name: "Vermont",
    weight: 2,
    areaCodes: ["802"],
    cities: [
      { name: "Burlington", zip3: "054" },
      { name: "Montpelier", zip3: "056" },
    ],
  },
];

export const STREET_ROOTS = [
  "Maple",
  "Oak",
  "Elm",
  "Cedar",
  "Pine",
  "Washington",
  "Lincoln",
  "Jefferson",
  "Madison",
  "Franklin",
  "Highland",
  "Prospect",
  "Church",
  "Mill",
  "Park",
  "Lake",
  "Hillside",
  "Ridge",
  "Orchard",
  "Meadow",
  "Spring",
  "Chestnut",
  "Walnut",
  "Sycamore",
  "Willow",
  "Birch",
  "Summit",
  "Sunset",
  "Forest",
  "River",
  "Farmington",
  "Whitney",
  "Wethersfield",
  "Asylum",
  "Prospect Hill",
  "Gold Star",
  "Pleasant",
  "Union",
  "Broad",
  "Water",
  "Bank",
  "Cottage",
  "Academy",
  "Fairview",
  "Greenwood",
  "Laurel",
  "Liberty",
  "Putnam",
];

export const STREET_SUFFIXES = [
  "St",
  "Street",
  "Ave",
  "Avenue",
  "Rd",
  "Road",
  "Ln",
  "Dr",
  "Drive",
  "Ct",
  "Pl",
  "Blvd",
  "Way",
  "Ter",
  "Cir",
];

export const UNIT_FORMS = ["Apt", "Apt.", "Unit", "#", "Fl", "Suite"];

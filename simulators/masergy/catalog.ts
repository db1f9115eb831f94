/** What a fresh simulated Masergy account offers: one enterprise, two groups, their numbers, packs and devices. */

export interface GroupSeed {
  enterpriseId: string;
  groupId: string;
  name: string;
  /** Every number the group owns, in E.164; the ones no user has are "available". */
  phoneNumbers: string[];
  servicePacks: string[];
}

export const DEFAULT_ENTERPRISE_ID = "SIM-ENTERPRISE";

const numbers = (prefix: string, first: number, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${String(first + i).padStart(4, "0")}`);

export const DEFAULT_GROUPS: GroupSeed[] = [
  {
    enterpriseId: DEFAULT_ENTERPRISE_ID,
    groupId: "SIM-NYC",
    name: "New York office",
    phoneNumbers: numbers("+1212555", 100, 20),
    servicePacks: ["UC-Basic", "UC-Standard", "UC-Premium"],
  },
  {
    enterpriseId: DEFAULT_ENTERPRISE_ID,
    groupId: "SIM-LON",
    name: "London office",
    phoneNumbers: numbers("+44207173", 6900, 10),
    servicePacks: ["UC-Standard", "UC-Premium"],
  },
];

export const DEVICE_MODELS = ["Polycom VVX 250", "Polycom VVX 450", "Yealink T54W", "Cisco 8851"];

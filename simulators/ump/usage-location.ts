/**
 * `UsageLocation` takes "A valid ISO 3166-1 alpha-2 country code. (e.g., US for the United States,
 * and FR for France)" (audiocodes-ump365-rest-api.txt, 2.2.2.3, lines 419-421). The seed does not
 * list the codes; this simulator holds the 249 the ISO 3166 Maintenance Agency has officially
 * assigned, written as each first letter with the second letters assigned after it. Codes are upper
 * case by definition, so `us` is not one; neither are reserved codes such as `UK`, `EU` or `XK`.
 */
const SECOND_LETTERS: Readonly<Record<string, string>> = {
  A: "DEFGILMOQRSTUWXZ",
  B: "ABDEFGHIJLMNOQRSTVWYZ",
  C: "ACDFGHIKLMNORUVWXYZ",
  D: "EJKMOZ",
  E: "CEGHRST",
  F: "IJKMOR",
  G: "ABDEFGHILMNPQRSTUWY",
  H: "KMNRTU",
  I: "DELMNOQRST",
  J: "EMOP",
  K: "EGHIMNPRWYZ",
  L: "ABCIKRSTUVY",
  M: "ACDEFGHKLMNOPQRSTUVWXYZ",
  N: "ACEFGILOPRUZ",
  O: "M",
  P: "AEFGHKLMNRSTWY",
  Q: "A",
  R: "EOSUW",
  S: "ABCDEGHIJKLMNORSTVXYZ",
  T: "CDFGHJKLMNORTVWZ",
  U: "AGMSYZ",
  V: "ACEGINU",
  W: "FS",
  Y: "ET",
  Z: "AMW",
};

export function isAssignedCountryCode(value: string): boolean {
  return value.length === 2 && (SECOND_LETTERS[value[0]]?.includes(value[1]) ?? false);
}

/** Every assigned code (for tests). */
export function assignedCountryCodes(): string[] {
  return Object.entries(SECOND_LETTERS).flatMap(([first, seconds]) => [...seconds].map((second) => first + second));
}

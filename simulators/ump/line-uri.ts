/**
 * This simulator's reading of a telephone line (LineURI, PrivateLine) and of E.164.
 *
 * What the seed says (audiocodes-ump365-rest-api.txt, 2.2.2.3):
 * - both attributes take a "Telephone number in E164 format preceded by Tel: (e.g., Tel:+31365461212)"
 *   (lines 443-447), and its combined example writes the prefix as `tel:` (line 459): the prefix is
 *   read in any letter case, as URI schemes are;
 * - the user detail answers a LineURI with a stray space in front, `" tel:+31365461212"` (line 340);
 *   that quirk lives in views.ts, and a stored value is read with surrounding spaces ignored.
 * Where the seed is silent, this simulator reads:
 * - E.164 (ITU-T): `+`, a country code that never starts with 0, at most 15 digits in all; at least
 *   7 (the shortest international numbers in use, e.g. Niue's `+683 xxxx`);
 * - an extension written `;ext=<digits>` after the number, as Skype for Business spells LineURIs;
 *   another extension of a number is another line, but the same number of a range.
 */

/** A line taken apart: the E.164 number with its `+`, and the extension digits if any. */
export interface Line {
  e164: string;
  ext?: string;
}

const DIGITS = /^[0-9]+$/;
const MIN_E164_DIGITS = 7;
const MAX_E164_DIGITS = 15;
const MAX_EXTENSION_DIGITS = 15;

/** True for `+` followed by 7 to 15 digits, the first not 0. */
export function isE164(text: string): boolean {
  const digits = text.slice(1);
  return (
    text.startsWith("+") &&
    DIGITS.test(digits) &&
    digits[0] !== "0" &&
    digits.length >= MIN_E164_DIGITS &&
    digits.length <= MAX_E164_DIGITS
  );
}

/** Reads `tel:+E164[;ext=digits]` exactly (prefix and parameter name in any case, no spaces); undefined otherwise. */
export function readLine(text: string): Line | undefined {
  const scheme = text.slice(0, 4);
  if (scheme.toLowerCase() !== "tel:") return undefined;
  const [number, ...parameters] = text.slice(scheme.length).split(";");
  if (!isE164(number) || parameters.length > 1) return undefined;
  if (parameters.length === 0) return { e164: number };
  const [name, value] = [parameters[0].slice(0, 4), parameters[0].slice(4)];
  if (name.toLowerCase() !== "ext=" || !DIGITS.test(value) || value.length > MAX_EXTENSION_DIGITS) return undefined;
  return { e164: number, ext: value };
}

/** How the simulator compares lines: `tel:` and `;ext=` in lower case. */
export function writeLine(line: Line): string {
  return line.ext === undefined ? `tel:${line.e164}` : `tel:${line.e164};ext=${line.ext}`;
}

/** The comparable spelling of a stored LineURI or PrivateLine, or undefined for an empty or unreadable one. */
export function canonicalLine(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const line = readLine(value.trim());
  return line && writeLine(line);
}

/** `+31365461212` of `tel:+31365461212;ext=12`. */
export function e164Of(value: unknown): string | undefined {
  return typeof value === "string" ? readLine(value.trim())?.e164 : undefined;
}

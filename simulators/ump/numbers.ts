/**
 * Number ranges really track assignments: a range's available numbers are its numbers that no
 * endpoint holds as LineURI or PrivateLine, so assigning consumes one and moving or releasing gives
 * it back. Numbers compare by their E.164 part (`;ext=` aside), in any spelling of `tel:`.
 */
import type { NumberRangeRecord } from "./catalogue";
import { e164Of, isE164 } from "./line-uri";

function bounds(range: NumberRangeRecord): [bigint, bigint, number] | undefined {
  const start = e164Of(range.NumberRangeStart);
  const end = e164Of(range.NumberRangeEnd);
  if (!start || !end || start.length !== end.length) return undefined;
  return [BigInt(start.slice(1)), BigInt(end.slice(1)), start.length];
}

export function rangeContains(range: NumberRangeRecord, e164: string): boolean {
  if (range.numbers) return range.numbers.includes(e164);
  const limits = bounds(range);
  if (!limits || e164.length !== limits[2]) return false;
  const value = BigInt(e164.slice(1));
  return value >= limits[0] && value <= limits[1];
}

export function rangeSize(range: NumberRangeRecord): number {
  if (range.numbers) return range.numbers.length;
  const limits = bounds(range);
  return limits ? Number(limits[1] - limits[0] + 1n) : 0;
}

/** Checks a range given through the admin API or a test; returns the problem, if any. */
export function numberRangeProblem(range: NumberRangeRecord): string | undefined {
  if (!range.Identity) return "Identity is required";
  if (range.numbers) {
    return range.numbers.every(isE164) ? undefined : "numbers must be E.164 numbers such as +31202000100";
  }
  const limits = bounds(range);
  if (!limits) return "NumberRangeStart and NumberRangeEnd must be tel:+E164 numbers of the same length";
  if (limits[0] > limits[1]) return "NumberRangeStart must not be after NumberRangeEnd";
  if (limits[1] - limits[0] >= 100_000n) return "a range holds at most 100000 numbers";
  return undefined;
}

/**
 * Injected faults: a queue consumed in order, so a test can script
 * "the next two POSTs get 503, then things work again". Each fault is checked when it is queued,
 * so a typo fails the test that made it rather than passing silently.
 */
import type { Fault } from "./types";
import { isPlainObject } from "./validate";

interface PendingFault {
  fault: Fault;
  remaining: number;
}

export class FaultQueue {
  private pending: PendingFault[] = [];

  add(fault: Fault): Fault {
    const checked = parseFault(fault);
    this.pending.push({ fault: checked, remaining: checked.count ?? 1 });
    return structuredClone(checked);
  }

  /** Returns (and consumes one use of) the oldest fault matching this request. */
  take(method: string, path: string): Fault | undefined {
    const index = this.pending.findIndex(({ fault }) => matches(fault, method, path));
    if (index < 0) return undefined;
    const entry = this.pending[index];
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.pending.splice(index, 1);
    return entry.fault;
  }

  /** Faults still waiting, with how many uses each has left. */
  list(): Array<Fault & { remaining: number }> {
    return this.pending.map(({ fault, remaining }) => ({ ...structuredClone(fault), remaining }));
  }

  clear(): void {
    this.pending = [];
  }
}

function matches(fault: Fault, method: string, path: string): boolean {
  if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) return false;
  if (fault.pathPrefix && !path.startsWith(fault.pathPrefix)) return false;
  return true;
}

/** Checks one field's value; returns what is wrong with it, if anything. */
type FieldRule = (value: unknown) => string | undefined;

const integerIn = (min: number, max: number): FieldRule => (value) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? undefined : `must be an integer from ${min} to ${max}`;
const numberIn = (min: number, max: number, rule: string): FieldRule => (value) =>
  typeof value === "number" && Number.isFinite(value) && value >= min && value <= max ? undefined : rule;
const text: FieldRule = (value) => (typeof value === "string" ? undefined : "must be a string");
const flag: FieldRule = (value) => (typeof value === "boolean" ? undefined : "must be true or false");
const answerStatus = integerIn(200, 599);

const MATCH_FIELDS: Record<string, FieldRule> = {
  count: integerIn(1, Number.MAX_SAFE_INTEGER),
  method: (value) => (typeof value === "string" && value !== "" ? undefined : "must be an HTTP method"),
  pathPrefix: (value) => (typeof value === "string" && value.startsWith("/") ? undefined : "must be a string starting with /"),
};

/** Each kind's own fields; `required` ones must be given. */
const KINDS: Record<Fault["kind"], { fields: Record<string, FieldRule>; required?: string[] }> = {
  status: { fields: { status: integerIn(400, 599), retryAfterSeconds: integerIn(0, 86_400) }, required: ["status"] },
  drop: { fields: {} },
  html: { fields: { status: answerStatus } },
  raw: { fields: { status: answerStatus, contentType: text, body: text } },
  truncate: { fields: { fraction: numberIn(0, 0.999_999, "must be a number from 0 up to (not including) 1") } },
  huge: { fields: { megabytes: numberIn(0.001, 1024, "must be a number of MiB from 0.001 to 1024"), status: answerStatus, contentLength: flag } },
  echo: { fields: { status: integerIn(400, 599) } },
  lost: { fields: {} },
  delay: {
    fields: {
      ms: numberIn(0, 3_600_000, "must be a number of milliseconds from 0 to 3600000"),
      mode: (value) => (value === "slow-then-done" || value === "done-then-slow" ? undefined : 'must be "slow-then-done" or "done-then-slow"'),
    },
    required: ["ms"],
  },
  ignore: { fields: {} },
};

export const FAULT_KINDS = Object.keys(KINDS) as Array<Fault["kind"]>;

/** Validates a fault from the admin API or a test; throws an Error naming the first problem. */
export function parseFault(value: unknown): Fault {
  if (!isPlainObject(value)) throw new Error("fault must be a JSON object");
  const kind = KINDS[value.kind as Fault["kind"]];
  if (typeof value.kind !== "string" || !kind) throw new Error(`kind must be one of ${FAULT_KINDS.map((k) => `"${k}"`).join(", ")}`);
  const rules: Record<string, FieldRule> = { ...MATCH_FIELDS, ...kind.fields };
  const unknown = Object.keys(value).filter((key) => key !== "kind" && !Object.hasOwn(rules, key));
  if (unknown.length > 0) throw new Error(`unknown field(s) for a ${value.kind} fault: ${unknown.join(", ")}`);
  for (const field of kind.required ?? []) {
    if (value[field] === undefined) throw new Error(`a ${value.kind} fault needs ${field}`);
  }
  for (const [field, rule] of Object.entries(rules)) {
    const problem = value[field] === undefined ? undefined : rule(value[field]);
    if (problem) throw new Error(`${field} ${problem}`);
  }
  if (value.kind === "raw" && (value.status === 204 || value.status === 304) && value.body) {
    throw new Error(`status ${value.status} takes no body`);
  }
  return structuredClone(value) as unknown as Fault;
}

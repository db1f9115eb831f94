/**
 * Injected faults: a queue consumed in order, so a test can script
 * "the next two POSTs get 503, then things work again".
 */
import type { Fault } from "./types";

interface PendingFault {
  fault: Fault;
  remaining: number;
}

export class FaultQueue {
  private pending: PendingFault[] = [];

  add(fault: Fault): void {
    const checked = parseFault(fault);
    this.pending.push({ fault: checked, remaining: checked.count ?? 1 });
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

/** Validates a fault from the admin API or a test; throws an Error naming the first problem. */
export function parseFault(value: unknown): Fault {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new Error("fault must be a JSON object");
  }
  const input = value as Record<string, unknown>;
  const common = ["kind", "count", "method", "pathPrefix"];
  const allowed = input.kind === "status" ? [...common, "status", "retryAfterSeconds"] : common;
  const unknown = Object.keys(input).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw new Error(`unknown fault field(s): ${unknown.join(", ")}`);

  if (input.count !== undefined && !isPositiveInteger(input.count)) throw new Error("count must be a positive integer");
  if (input.method !== undefined && typeof input.method !== "string") throw new Error("method must be a string");
  if (input.pathPrefix !== undefined && (typeof input.pathPrefix !== "string" || !input.pathPrefix.startsWith("/"))) {
    throw new Error("pathPrefix must be a string starting with /");
  }
  const match = {
    ...(input.count !== undefined && { count: input.count as number }),
    ...(input.method !== undefined && { method: input.method as string }),
    ...(input.pathPrefix !== undefined && { pathPrefix: input.pathPrefix as string }),
  };

  if (input.kind === "drop") return { kind: "drop", ...match };
  if (input.kind !== "status") throw new Error('kind must be "status" or "drop"');
  if (!Number.isInteger(input.status) || (input.status as number) < 400 || (input.status as number) > 599) {
    throw new Error("status must be an integer from 400 to 599");
  }
  if (input.retryAfterSeconds !== undefined && !isNonNegativeInteger(input.retryAfterSeconds)) {
    throw new Error("retryAfterSeconds must be a non-negative integer");
  }
  return {
    kind: "status",
    status: input.status as number,
    ...(input.retryAfterSeconds !== undefined && { retryAfterSeconds: input.retryAfterSeconds as number }),
    ...match,
  };
}

function isPositiveInteger(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) > 0;
}

function isNonNegativeInteger(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 0;
}

/**
 * The log of vendor requests, with secrets redacted so tests and the admin API
 * can show it without leaking passwords or tokens.
 */
import type { RequestLogEntry } from "./types";

export const REDACTED = "[REDACTED]";

export class RequestLog {
  private entries: RequestLogEntry[] = [];

  constructor(private readonly secretFields: ReadonlySet<string>) {}

  record(entry: RequestLogEntry): void {
    const { body, ...rest } = entry;
    this.entries.push(body === undefined ? rest : { ...rest, body: redact(body, this.secretFields) });
  }

  /** Deep copies, oldest first. */
  list(): RequestLogEntry[] {
    return structuredClone(this.entries);
  }

  clear(): void {
    this.entries = [];
  }
}

/** Replaces the value of every key named in `secretFields`, at any depth. */
export function redact(value: unknown, secretFields: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => redact(item, secretFields));
  if (value === null || typeof value !== "object") return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    copy[key] = secretFields.has(key) ? REDACTED : redact(inner, secretFields);
  }
  return copy;
}

/**
 * Request body reading and parsing with content-type enforcement.
 * An empty body parses to `undefined` whatever the content type: handlers decide whether one was required.
 */
import type { IncomingMessage } from "node:http";
import type { BodyKind } from "./router";
import { problem } from "./sim-response";

export const JSON_MEDIA_TYPE = "application/json";
export const FORM_MEDIA_TYPE = "application/x-www-form-urlencoded";

/** Bodies beyond this are refused with 413 before any parsing. */
export const MAX_BODY_BYTES = 1024 * 1024;

export function readRawBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on("end", () => {
      if (tooLarge) reject(problem(413, "payload_too_large", `request body exceeds ${limit} bytes`));
      else resolve(Buffer.concat(chunks));
    });
    request.on("error", reject);
  });
}

/** The media type without parameters, lower-cased: `application/json; charset=utf-8` -> `application/json`. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  return contentType.split(";")[0].trim().toLowerCase() || undefined;
}

/** Parses a body the route declared, refusing other content types with 415 and bad JSON with 400. */
export function parseDeclaredBody(kind: BodyKind, raw: Buffer, contentType: string | undefined): unknown {
  if (kind === "none" || raw.length === 0) return undefined;
  const expected = kind === "json" ? JSON_MEDIA_TYPE : FORM_MEDIA_TYPE;
  const actual = mediaTypeOf(contentType);
  if (actual !== expected) {
    throw problem(415, "unsupported_media_type", `Content-Type must be ${expected}, got ${actual ?? "none"}`, {
      expected,
      received: actual ?? null,
    });
  }
  return kind === "json" ? parseJson(raw) : parseForm(raw);
}

/** Best-effort parse for the request log; never throws. */
export function parseForLog(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const type = mediaTypeOf(contentType);
  try {
    if (type === JSON_MEDIA_TYPE) return JSON.parse(raw.toString("utf8"));
    if (type === FORM_MEDIA_TYPE) return parseForm(raw);
  } catch {
    return "[UNPARSEABLE]";
  }
  return `[${raw.length} bytes of ${type ?? "unknown content type"}]`;
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch (error) {
    throw problem(400, "malformed_body", `malformed JSON body: ${(error as Error).message}`, { field: "body" });
  }
}

/** Repeated keys keep the last value, which is how most form decoders behave. */
function parseForm(raw: Buffer): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(raw.toString("utf8")));
}

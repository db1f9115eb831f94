/** A small fetch wrapper for talking to a simulator over real HTTP in tests. */

export interface HttpResult {
  status: number;
  headers: Headers;
  /** Parsed JSON, the raw text when it is not JSON, or undefined for an empty body. */
  body: any;
}

export interface CallOptions {
  token?: string;
  /** Sent as JSON with Content-Type application/json. */
  json?: unknown;
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  /** Sent verbatim with `contentType`. */
  raw?: string;
  contentType?: string;
  query?: Record<string, string>;
  /** Extra request headers, e.g. an `authorization: Basic ...` header. */
  headers?: Record<string, string>;
}

export async function call(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<HttpResult> {
  const url = new URL(path, baseUrl);
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers["content-type"] = "application/json";
  } else if (options.form) {
    body = new URLSearchParams(options.form).toString();
    headers["content-type"] = "application/x-www-form-urlencoded";
  } else if (options.raw !== undefined) {
    body = options.raw;
  }
  if (options.contentType) headers["content-type"] = options.contentType;
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === "" ? undefined : parse(text) };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A client bound to one base URL and bearer token. */
export function clientFor(baseUrl: string, token?: string) {
  return {
    get: (path: string, query?: Record<string, string>) => call(baseUrl, "GET", path, { token, query }),
    post: (path: string, json?: unknown) => call(baseUrl, "POST", path, { token, ...(json !== undefined && { json }) }),
    call: (method: string, path: string, options: CallOptions = {}) => call(baseUrl, method, path, { token, ...options }),
  };
}

/**
 * The query parameters shared by PortSIP list endpoints: filter, search, orderby, skip, top
 * (and `count`, which the reference mentions; the count is always returned anyway).
 * `count` in the answer is the number of matches before skip/top.
 */
import { invalidField } from "./errors";
import { FilterError, parseFilter, type FieldType, type Row } from "./filter";

export const DEFAULT_TOP = 100;
export const MAX_TOP = 100;

const KNOWN_PARAMETERS = ["filter", "search", "orderby", "skip", "top", "count"];

export interface ListPage<T extends Row> {
  count: number;
  items: T[];
}

export function applyListQuery<T extends Row>(
  rows: T[],
  query: Record<string, string>,
  fields: Record<string, FieldType>,
): ListPage<T> {
  // Unknown parameters (e.g. OData's `$filter`) are refused so a client typo never silently lists everything.
  for (const name of Object.keys(query)) {
    if (!KNOWN_PARAMETERS.includes(name)) {
      throw invalidField(name, `unknown query parameter; supported: ${KNOWN_PARAMETERS.join(", ")}`);
    }
  }
  if (query.count !== undefined && query.count !== "true" && query.count !== "false") {
    throw invalidField("count", "must be true or false");
  }
  const skip = parseCount("skip", query.skip, 0, Infinity, 0);
  const top = parseCount("top", query.top, 1, MAX_TOP, DEFAULT_TOP);

  let matches = rows;
  if (query.filter !== undefined) {
    try {
      const predicate = parseFilter(query.filter, fields);
      matches = matches.filter(predicate);
    } catch (error) {
      if (error instanceof FilterError) throw invalidField("filter", error.message);
      throw error;
    }
  }
  if (query.search !== undefined && query.search !== "") {
    const needle = query.search.toLowerCase();
    matches = matches.filter((row) =>
      Object.keys(fields).some((field) => typeof row[field] === "string" && (row[field] as string).toLowerCase().includes(needle)),
    );
  }
  if (query.orderby !== undefined) matches = sortRows(matches, parseOrderBy(query.orderby, fields));
  return { count: matches.length, items: matches.slice(skip, skip + top) };
}

function parseCount(name: string, raw: string | undefined, min: number, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = /^[0-9]+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw invalidField(name, max === Infinity ? `must be an integer >= ${min}` : `must be an integer from ${min} to ${max}`);
  }
  return value;
}

interface SortKey {
  field: string;
  descending: boolean;
}

function parseOrderBy(raw: string, fields: Record<string, FieldType>): SortKey[] {
  return raw.split(",").map((part) => {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!match) throw invalidField("orderby", `cannot parse '${part.trim()}'; expected 'field [asc|desc]'`);
    if (!Object.hasOwn(fields, match[1])) {
      throw invalidField("orderby", `unknown field '${match[1]}'; sortable fields: ${Object.keys(fields).join(", ")}`);
    }
    return { field: match[1], descending: match[2]?.toLowerCase() === "desc" };
  });
}

/** Stable sort; nulls sort first ascending. */
function sortRows<T extends Row>(rows: T[], keys: SortKey[]): T[] {
  return [...rows].sort((a, b) => {
    for (const { field, descending } of keys) {
      const order = compareValues(a[field], b[field]);
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  });
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return (a as string | number | boolean) < (b as string | number | boolean) ? -1 : 1;
}

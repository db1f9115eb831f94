/**
 * A small declarative validator shared by every vendor simulator: each vendor renders the problems
 * in its own error format. Checks collect problems instead of throwing, so one 400 can name every
 * bad field; each check reports at most one problem for its own path.
 */

/** One invalid field; `field` is a path such as `office_hours.monday.ranges[0].from`. */
export interface FieldProblem {
  field: string;
  message: string;
}

export class Problems {
  readonly list: FieldProblem[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }
}

export type Check = (value: unknown, path: string, problems: Problems) => void;

export interface FieldSpec {
  check: Check;
  required?: boolean;
  /** `null` is accepted and means "unset". */
  nullable?: boolean;
}

export type Shape = Record<string, FieldSpec>;

export function joinPath(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A string check; `pattern` must match the whole value, `rule` explains it in the message. */
export function string(options: { min?: number; max?: number; pattern?: RegExp; rule?: string } = {}): Check {
  const { min = 0, max = Infinity, pattern, rule } = options;
  return (value, path, problems) => {
    if (typeof value !== "string") return problems.add(path, "must be a string");
    if (value.length < min || value.length > max) {
      return problems.add(path, max === Infinity ? `must be at least ${min} characters` : `must be ${min}-${max} characters`);
    }
    if (pattern && !pattern.test(value)) problems.add(path, rule ?? `must match ${pattern.source}`);
  };
}

export const boolean: Check = (value, path, problems) => {
  if (typeof value !== "boolean") problems.add(path, "must be a boolean (true or false)");
};

export function oneOf(values: readonly string[]): Check {
  return (value, path, problems) => {
    if (typeof value !== "string" || !values.includes(value)) problems.add(path, `must be one of ${values.join(", ")}`);
  };
}


export function integer(options: { min?: number; max?: number } = {}): Check {
  const { min = -Infinity, max = Infinity } = options;
  return (value, path, problems) => {
    if (typeof value !== "number" || !Number.isInteger(value)) return problems.add(path, "must be an integer");
    if (value < min) problems.add(path, max === Infinity ? `must be at least ${min}` : `must be between ${min} and ${max}`);
    else if (value > max) problems.add(path, min === -Infinity ? `must be at most ${max}` : `must be between ${min} and ${max}`);
  };
}

/** Adds a problem when `rule` returns a message. */
export function custom(rule: (value: unknown) => string | undefined): Check {
  return (value, path, problems) => {
    const message = rule(value);
    if (message) problems.add(path, message);
  };
}

/** Runs checks in order, stopping at the first one that reports a problem. */
export function all(...checks: Check[]): Check {
  return (value, path, problems) => {
    for (const check of checks) {
      const before = problems.list.length;
      check(value, path, problems);
      if (problems.list.length > before) return;
    }
  };
}

export function array(item: Check, options: { max?: number } = {}): Check {
  return (value, path, problems) => {
    if (!Array.isArray(value)) return problems.add(path, "must be an array");
    if (options.max !== undefined && value.length > options.max) {
      return problems.add(path, `must have at most ${options.max} items`);
    }
    value.forEach((entry, index) => item(entry, joinPath(path, index), problems));
  };
}

export function object(shape: Shape): Check {
  return (value, path, problems) => checkFields(value, path, shape, problems);
}

/** Checks an object against a shape: unknown keys, missing required keys, then each present value. */
export function checkFields(value: unknown, path: string, shape: Shape, problems: Problems): void {
  if (!isPlainObject(value)) return problems.add(path || "body", "must be a JSON object");
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(shape, key)) problems.add(joinPath(path, key), "unknown field");
  }
  for (const [key, spec] of Object.entries(shape)) {
    const fieldPath = joinPath(path, key);
    const fieldValue = value[key];
    if (fieldValue === undefined) {
      if (spec.required) problems.add(fieldPath, "is required");
      continue;
    }
    if (fieldValue === null) {
      if (spec.required || !spec.nullable) problems.add(fieldPath, "must not be null");
      continue;
    }
    spec.check(fieldValue, fieldPath, problems);
  }
}

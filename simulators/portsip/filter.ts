/**
 * The OData-like `filter` query parameter of PortSIP list endpoints (about.md):
 * `eq ne gt ge lt le`, `and`, `or`, parentheses, `startswith(f,'x')`, `endswith(f,'x')`,
 * `contains(f,'x')`, single-quoted strings ('' escapes a quote), numbers, true, false, null.
 * `and` binds tighter than `or`. Fields and literal types are checked while parsing,
 * so a bad filter fails even when the collection is empty.
 */

export type FieldType = "string" | "boolean" | "number";
export type Row = Record<string, unknown>;
export type Predicate = (row: Row) => boolean;

export class FilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FilterError";
  }
}

type Literal = string | number | boolean | null;
type Token =
  | { kind: "punct"; text: "(" | ")" | "," }
  | { kind: "word"; text: string }
  | { kind: "literal"; value: Literal; text: string };

const COMPARISONS = ["eq", "ne", "gt", "ge", "lt", "le"] as const;
type Comparison = (typeof COMPARISONS)[number];
const FUNCTIONS = ["startswith", "endswith", "contains"] as const;
type StringFunction = (typeof FUNCTIONS)[number];

export function parseFilter(text: string, fields: Record<string, FieldType>): Predicate {
  const parser = new FilterParser(tokenize(text), fields);
  const predicate = parser.parseOr();
  parser.expectEnd();
  return predicate;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (/\s/.test(char)) {
      i++;
    } else if (char === "(" || char === ")" || char === ",") {
      tokens.push({ kind: "punct", text: char });
      i++;
    } else if (char === "'") {
      let value = "";
      i++;
      for (;;) {
        if (i >= text.length) throw new FilterError("unterminated string literal");
        if (text[i] === "'" && text[i + 1] === "'") {
          value += "'";
          i += 2;
        } else if (text[i] === "'") {
          i++;
          break;
        } else {
          value += text[i++];
        }
      }
      tokens.push({ kind: "literal", value, text: `'${value}'` });
    } else {
      const word = /^(?:-?[0-9]+(?:\.[0-9]+)?|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i))?.[0];
      if (!word) throw new FilterError(`unexpected character '${char}' at position ${i}`);
      i += word.length;
      if (/^-?[0-9]/.test(word)) tokens.push({ kind: "literal", value: Number(word), text: word });
      else if (word === "true" || word === "false") tokens.push({ kind: "literal", value: word === "true", text: word });
      else if (word === "null") tokens.push({ kind: "literal", value: null, text: word });
      else tokens.push({ kind: "word", text: word });
    }
  }
  return tokens;
}

class FilterParser {
  private position = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly fields: Record<string, FieldType>,
  ) {}

  parseOr(): Predicate {
    let left = this.parseAnd();
    while (this.peekWord("or")) {
      this.position++;
      const right = this.parseAnd();
      const previous = left;
      left = (row) => previous(row) || right(row);
    }
    return left;
  }

  expectEnd(): void {
    const token = this.tokens[this.position];
    if (token) throw new FilterError(`unexpected '${token.text}' after the end of the expression`);
  }

  private parseAnd(): Predicate {
    let left = this.parsePrimary();
    while (this.peekWord("and")) {
      this.position++;
      const right = this.parsePrimary();
      const previous = left;
      left = (row) => previous(row) && right(row);
    }
    return left;
  }

  private parsePrimary(): Predicate {
    const token = this.next("an expression");
    if (token.kind === "punct" && token.text === "(") {
      const inner = this.parseOr();
      this.expectPunct(")");
      return inner;
    }
    if (token.kind !== "word") throw new FilterError(`expected a field name or function, got '${token.text}'`);
    if ((FUNCTIONS as readonly string[]).includes(token.text)) return this.parseFunction(token.text as StringFunction);
    return this.parseComparison(token.text);
  }

  private parseFunction(name: StringFunction): Predicate {
    this.expectPunct("(");
    const field = this.expectField();
    this.expectPunct(",");
    const argument = this.next("a string literal");
    if (argument.kind !== "literal" || typeof argument.value !== "string") {
      throw new FilterError(`${name}() needs a quoted string as its second argument`);
    }
    this.expectPunct(")");
    if (this.fields[field] !== "string") throw new FilterError(`${name}() needs a string field; ${field} is ${this.fields[field]}`);
    const needle = argument.value;
    return (row) => {
      const value = row[field];
      if (typeof value !== "string") return false;
      if (name === "startswith") return value.startsWith(needle);
      if (name === "endswith") return value.endsWith(needle);
      return value.includes(needle);
    };
  }

  private parseComparison(field: string): Predicate {
    this.checkField(field);
    const operator = this.next("a comparison operator");
    if (operator.kind !== "word" || !(COMPARISONS as readonly string[]).includes(operator.text)) {
      throw new FilterError(`expected one of ${COMPARISONS.join(", ")} after ${field}, got '${operator.text}'`);
    }
    const literal = this.next("a value");
    if (literal.kind !== "literal") throw new FilterError(`expected a value after ${field} ${operator.text}, got '${literal.text}'`);
    return comparison(field, this.fields[field], operator.text as Comparison, literal.value);
  }

  private expectField(): string {
    const token = this.next("a field name");
    if (token.kind !== "word") throw new FilterError(`expected a field name, got '${token.text}'`);
    this.checkField(token.text);
    return token.text;
  }

  private checkField(field: string): void {
    if (!Object.hasOwn(this.fields, field)) {
      throw new FilterError(`unknown field '${field}'; filterable fields: ${Object.keys(this.fields).join(", ")}`);
    }
  }

  private expectPunct(text: "(" | ")" | ","): void {
    const token = this.next(`'${text}'`);
    if (token.kind !== "punct" || token.text !== text) throw new FilterError(`expected '${text}', got '${token.text}'`);
  }

  private peekWord(text: string): boolean {
    const token = this.tokens[this.position];
    return token?.kind === "word" && token.text === text;
  }

  private next(expected: string): Token {
    const token = this.tokens[this.position++];
    if (!token) throw new FilterError(`unexpected end of filter, expected ${expected}`);
    return token;
  }
}

function comparison(field: string, type: FieldType, operator: Comparison, literal: Literal): Predicate {
  if (literal === null) {
    if (operator !== "eq" && operator !== "ne") throw new FilterError(`null can only be compared with eq or ne`);
    return operator === "eq" ? (row) => row[field] === null : (row) => row[field] !== null;
  }
  if (typeof literal !== type) throw new FilterError(`${field} is a ${type} field; cannot compare it with ${JSON.stringify(literal)}`);
  if (type === "boolean" && operator !== "eq" && operator !== "ne") {
    throw new FilterError(`${field} is a boolean field; only eq and ne apply`);
  }
  return (row) => {
    const value = row[field];
    if (operator === "eq") return value === literal;
    if (operator === "ne") return value !== literal;
    if (value === null || value === undefined) return false;
    const left = value as string | number;
    const right = literal as string | number;
    if (operator === "gt") return left > right;
    if (operator === "ge") return left >= right;
    if (operator === "lt") return left < right;
    return left <= right;
  };
}

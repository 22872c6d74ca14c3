/**
 * Locates the first syntax error of a JSON text by line and column, for the
 * config error message. `JSON.parse` in Node 20 gives an offset for some
 * errors ("… in JSON at position 18") and only a text excerpt for others
 * ("Unexpected token '}', … is not valid JSON"), so this scanner walks the
 * text by the JSON grammar (RFC 8259) itself and stops at the first error.
 */

export interface JsonSyntaxError {
  /** Description of the problem, e.g. `expected "," or "}" after the property value`. */
  reason: string;
  /** 1-based line of the error. */
  line: number;
  /** 1-based column of the error, counted in UTF-16 code units (one per Chinese character). */
  column: number;
  /** The text of that line, for showing the error in place. */
  lineText: string;
}

/** A scanner failure at `offset`; caught by `findJsonSyntaxError`. */
class ScanError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(reason);
  }
}

/** Returns the first syntax error of `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const scanner = new JsonScanner(text);
  try {
    scanner.document();
    return null;
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    return locate(text, error.reason, error.offset);
  }
}

function locate(text: string, reason: string, offset: number): JsonSyntaxError {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = text.indexOf('\n', offset);
  const lineText = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, '');
  return { reason, line: before.split('\n').length, column: offset - lineStart + 1, lineText };
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

class JsonScanner {
  private offset = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.skipWhitespace();
    this.value();
    this.skipWhitespace();
    if (this.offset < this.text.length) this.fail('unexpected text after the end of the JSON value');
  }

  private value(): void {
    const char = this.text[this.offset];
    if (char === undefined) this.fail('unexpected end of file; a value is missing');
    else if (char === '{') this.object();
    else if (char === '[') this.array();
    else if (char === '"') this.string();
    else if (char === '-' || (char >= '0' && char <= '9')) this.number();
    else if (char === 't') this.literal('true');
    else if (char === 'f') this.literal('false');
    else if (char === 'n') this.literal('null');
    else this.fail(`unexpected character ${quote(char)}; expected a value`);
  }

  private object(): void {
    this.offset += 1;
    this.skipWhitespace();
    if (this.text[this.offset] === '}') {
      this.offset += 1;
      return;
    }
    for (;;) {
      if (this.text[this.offset] !== '"') this.fail(this.text[this.offset] === '}' ? 'trailing comma before "}"' : 'expected a property name in double quotes');
      this.string();
      this.skipWhitespace();
      if (this.text[this.offset] !== ':') this.fail('expected ":" after the property name');
      this.offset += 1;
      this.skipWhitespace();
      this.value();
      this.skipWhitespace();
      const next = this.text[this.offset];
      if (next === '}') {
        this.offset += 1;
        return;
      }
      if (next !== ',') this.fail('expected "," or "}" after the property value');
      this.offset += 1;
      this.skipWhitespace();
    }
  }

  private array(): void {
    this.offset += 1;
    this.skipWhitespace();
    if (this.text[this.offset] === ']') {
      this.offset += 1;
      return;
    }
    for (;;) {
      if (this.text[this.offset] === ']') this.fail('trailing comma before "]"');
      this.value();
      this.skipWhitespace();
      const next = this.text[this.offset];
      if (next === ']') {
        this.offset += 1;
        return;
      }
      if (next !== ',') this.fail('expected "," or "]" after the array element');
      this.offset += 1;
      this.skipWhitespace();
    }
  }

  private string(): void {
    const start = this.offset;
    this.offset += 1;
    for (;;) {
      const char = this.text[this.offset];
      if (char === undefined || char === '\n') {
        this.offset = start;
        this.fail('unterminated string');
      }
      if (char === '"') {
        this.offset += 1;
        return;
      }
      if (char < ' ') this.fail('control character in a string; write it as an escape such as \\t');
      if (char === '\\') this.escape();
      else this.offset += 1;
    }
  }

  private escape(): void {
    const kind = this.text[this.offset + 1];
    if (kind === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.offset + 2, this.offset + 6))) {
      this.offset += 6;
      return;
    }
    if (kind !== undefined && ESCAPES.has(kind)) {
      this.offset += 2;
      return;
    }
    this.fail('invalid escape in a string; a backslash in a Windows path is written as \\\\');
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.offset));
    if (!match) this.fail('invalid number');
    this.offset += match[0].length;
  }

  private literal(word: string): void {
    if (this.text.startsWith(word, this.offset)) {
      this.offset += word.length;
      return;
    }
    this.fail(`unexpected character ${quote(this.text[this.offset]!)}; expected a value (strings need double quotes)`);
  }

  private skipWhitespace(): void {
    while (this.offset < this.text.length && WHITESPACE.has(this.text[this.offset]!)) this.offset += 1;
  }

  private fail(reason: string): never {
    throw new ScanError(reason, this.offset);
  }
}

function quote(char: string): string {
  return char === "'" ? `"'"` : `'${char}'`;
}

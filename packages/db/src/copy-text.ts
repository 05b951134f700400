/**
 * PostgreSQL's COPY text format (https://www.postgresql.org/docs/current/sql-copy.html): one
 * line per row, fields separated by tabs, `\N` for NULL, and backslash escapes for backslash,
 * newline, carriage return and tab inside a field.
 */

/** The text of `\N`: a NULL field. */
export const COPY_NULL = "\\N";

/**
 * Encodes one value as a COPY text field.
 *
 * - `null` / `undefined`: `\N`
 * - string: escaped; number and bigint: decimal (`NaN`, `Infinity` as PostgreSQL spells them); boolean: `t` / `f`; Date: ISO 8601
 * - `Uint8Array` (bytea): `\x` and lowercase hex (escaped as `\\x...`)
 * - array: a PostgreSQL array literal (`{"a","b",NULL}`), escaped
 * - any other object: its JSON (json / jsonb columns)
 */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return COPY_NULL;
  if (Array.isArray(value)) return escapeCopy(arrayLiteral(value));
  // Hex has nothing to escape but the leading backslash: no scan of what may be kilobytes.
  if (value instanceof Uint8Array) return `\\\\x${hex(value)}`;
  return escapeCopy(scalarText(value));
}

/**
 * A PostgreSQL array literal: every element double-quoted with `"` and `\` backslash-escaped,
 * `NULL` for null, nested arrays as nested braces.
 */
export function arrayLiteral(items: readonly unknown[]): string {
  const elements = items.map((item) => {
    if (item === null || item === undefined) return "NULL";
    if (Array.isArray(item)) return arrayLiteral(item);
    const text = scalarText(item);
    return NEEDS_ESCAPE.test(text) ? `"${text.replace(NEEDS_ESCAPE_ALL, "\\$&")}"` : `"${text}"`;
  });
  return `{${elements.join(",")}}`;
}

/** Characters an array element escapes with a backslash (tested before replacing: most have none). */
const NEEDS_ESCAPE = /[\\"]/;
const NEEDS_ESCAPE_ALL = /[\\"]/g;

/** The text PostgreSQL reads back as `value`, before any COPY or array escaping. */
function scalarText(value: unknown): string {
  switch (typeof value) {
    case "string":
      return value;
    case "bigint":
      return value.toString();
    case "number":
      return String(value);
    case "boolean":
      return value ? "t" : "f";
    default:
      if (value instanceof Date) return value.toISOString();
      if (value instanceof Uint8Array) return `\\x${hex(value)}`;
      return JSON.stringify(value);
  }
}

/** Lowercase hex of `bytes`, read in place (`Buffer.from(bytes)` would copy them first). */
const hex = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");

/** Escapes the characters COPY text gives a meaning to: backslash, newline, CR, tab. */
function escapeCopy(text: string): string {
  return COPY_SPECIAL.test(text) ? text.replace(COPY_SPECIAL_ALL, (c) => ESCAPES[c] ?? c) : text;
}

/** Characters a COPY text field escapes (tested before replacing: most fields have none). */
const COPY_SPECIAL = /[\\\n\r\t]/;
const COPY_SPECIAL_ALL = /[\\\n\r\t]/g;

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** Lowercase hex digits, by value, as character codes. */
const HEX_DIGITS = Uint8Array.from("0123456789abcdef", (c) => c.charCodeAt(0));

/**
 * COPY text written as UTF-8 straight into a buffer, field by field: the same bytes as the
 * fields of `copyField`, without making a string of each row and then of the whole text (which
 * V8 flattens again to encode it). Plain ASCII strings and numbers are copied a character at a
 * time, bytes written as hex from a table; anything else goes through `copyField`.
 */
export class CopyTextBuffer {
  #bytes: Buffer;
  #length = 0;

  /** @param capacity bytes to start with (grown as needed) */
  constructor(capacity: number) {
    this.#bytes = Buffer.allocUnsafe(capacity);
  }

  /** Bytes written since the last `take`. */
  get length(): number {
    return this.#length;
  }

  /** Appends `value` as `copyField` would encode it, then a tab (or a newline after the row's last field). */
  field(value: unknown, last: boolean): void {
    if (typeof value === "string") this.#text(value);
    else if (typeof value === "number") this.#ascii(String(value));
    else if (value instanceof Uint8Array) this.#hex(value);
    else this.#utf8(copyField(value));
    this.#room(1);
    this.#bytes[this.#length++] = last ? 0x0a : 0x09;
  }

  /** The bytes written so far (a view), and a fresh buffer for what follows. */
  take(): Buffer {
    const taken = this.#bytes.subarray(0, this.#length);
    this.#bytes = Buffer.allocUnsafe(this.#bytes.length);
    this.#length = 0;
    return taken;
  }

  #room(bytes: number): void {
    if (this.#length + bytes <= this.#bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(2 * this.#bytes.length, this.#length + bytes));
    this.#bytes.copy(grown, 0, 0, this.#length);
    this.#bytes = grown;
  }

  /** A string: copied as is when it is ASCII with nothing to escape, else by `copyField`. */
  #text(text: string): void {
    this.#room(text.length);
    const out = this.#bytes;
    const start = this.#length;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x80 || code === 0x5c || code === 0x0a || code === 0x0d || code === 0x09) {
        this.#utf8(escapeCopy(text));
        return;
      }
      out[start + i] = code;
    }
    this.#length = start + text.length;
  }

  /** Text known to be ASCII with nothing to escape (a number's). */
  #ascii(text: string): void {
    this.#room(text.length);
    for (let i = 0; i < text.length; i++) this.#bytes[this.#length + i] = text.charCodeAt(i);
    this.#length += text.length;
  }

  #utf8(text: string): void {
    this.#room(3 * text.length);
    this.#length += this.#bytes.write(text, this.#length, "utf8");
  }

  /** `\\x` and the lowercase hex of `bytes`. */
  #hex(bytes: Uint8Array): void {
    this.#room(4 + 2 * bytes.length);
    const out = this.#bytes;
    let at = this.#length;
    out[at++] = 0x5c;
    out[at++] = 0x5c;
    out[at++] = 0x78;
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i]!;
      out[at++] = HEX_DIGITS[byte >> 4]!;
      out[at++] = HEX_DIGITS[byte & 15]!;
    }
    this.#length = at;
  }
}

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

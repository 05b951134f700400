/**
 * Returns `url` without its password (user info and a `password` query parameter), fit for
 * logs and error messages: `postgres://verity:secret@db:5432/verity` gives
 * `postgres://verity@db:5432/verity`. A string that does not parse as a URL is returned with
 * anything between `:` and `@` in its authority removed.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = "";
    if (parsed.searchParams.has("password")) parsed.searchParams.delete("password");
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, "//$1@");
  }
}

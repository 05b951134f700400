/**
 * One value per key object, made on first use and kept while the key lives: state per app or
 * prepared queries per database, without a module-wide singleton, so that several in one process
 * stay apart.
 */
import type { Db, Tx } from "./database.ts";

/**
 * `make(key)`, made once per `key` (held in a WeakMap, so it goes with the key).
 */
export function oncePer<K extends object, T>(make: (key: K) => T): (key: K) => T {
  const made = new WeakMap<K, T>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) {
      value = make(key);
      made.set(key, value);
    }
    return value;
  };
}

/**
 * A drizzle prepared query per database (or transaction), built once: `build` returns
 * `.prepare(name)` of a query whose values are `sql.placeholder`s, which is then only executed
 * with their values (a query builder builds its SQL again on every call; the gain: README,
 * Measurements).
 */
export const preparedPer = <Q>(build: (db: Db | Tx) => Q): ((db: Db | Tx) => Q) => oncePer(build);

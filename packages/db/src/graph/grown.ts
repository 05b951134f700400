/** A typed array a graph in memory keeps one value per edge or node in. */
export type Column = Int32Array | Uint16Array | Uint8Array | Float64Array;

/** `column` copied into one twice its length, the new half filled with `fill`. */
export function grown<C extends Column>(column: C, fill = 0): C {
  const bigger = new (column.constructor as new (length: number) => C)(column.length * 2);
  bigger.set(column);
  if (fill !== 0) bigger.fill(fill, column.length);
  return bigger;
}

/**
 * Wrappers around `@mysten/bcs` layouts that the checkpoint layouts need and `@mysten/bcs`
 * lacks: keeping the exact bytes a value was decoded from (Sui digests hash them), naming
 * where in a checkpoint a read failed, and reading enums and strings faster.
 */

import { BcsType, bcs } from "@mysten/bcs";
import { readerOffset } from "../../bcs-offset.ts";

/** Any layout (a `BcsType` is invariant in its input type: only `any` bounds them all). */
// biome-ignore lint/suspicious/noExplicitAny: see above
export type AnyLayout = BcsType<any, any>;

/** A decoded value with the BCS bytes it was read from (a view into the input, not a copy). */
export interface WithBcs<T> {
  value: T;
  bcs: Uint8Array;
}

/** `layout`, decoding to `{ value, bcs }` where `bcs` is the slice of input it consumed. */
export function withBcs<T, Input>(
  layout: BcsType<T, Input>,
): BcsType<WithBcs<T>, { value: Input }> {
  return new BcsType({
    name: layout.name,
    read(reader) {
      const start = readerOffset(reader);
      const view = (reader as unknown as { dataView: DataView }).dataView;
      const value = layout.read(reader);
      const bcs = new Uint8Array(
        view.buffer,
        view.byteOffset + start,
        readerOffset(reader) - start,
      );
      return { value, bcs };
    },
    write: (value, writer) => layout.write(value.value, writer),
  });
}

/**
 * A read that failed inside a checkpoint, with the path of fields it was in (outermost first,
 * e.g. `["transactions[3]", "effects"]`) and the error `@mysten/bcs` threw.
 */
export class LayoutReadError extends Error {
  constructor(
    readonly path: string[],
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "LayoutReadError";
  }
}

function prefixed(label: string, error: unknown): LayoutReadError {
  return error instanceof LayoutReadError
    ? new LayoutReadError([label, ...error.path], error.cause)
    : new LayoutReadError([label], error);
}

/** `layout`, reporting failures inside it under `label` (see `LayoutReadError.path`). */
export function traced<T, Input>(label: string, layout: BcsType<T, Input>): BcsType<T, Input> {
  return new BcsType({
    name: layout.name,
    read(reader) {
      try {
        return layout.read(reader);
      } catch (error) {
        throw prefixed(label, error);
      }
    },
    write: (value, writer) => layout.write(value, writer),
  });
}

/** `bcs.vector(layout)`, reporting failures in element `i` under `label[i]`. */
export function tracedVector<T, Input>(
  label: string,
  layout: BcsType<T, Input>,
): BcsType<T[], Iterable<Input> & { length: number }> {
  const plain = bcs.vector(layout);
  return new BcsType({
    name: plain.name,
    read(reader) {
      const length = reader.readULEB();
      const items: T[] = [];
      for (let i = 0; i < length; i++) {
        try {
          items.push(layout.read(reader));
        } catch (error) {
          throw prefixed(`${label}[${i}]`, error);
        }
      }
      return items;
    },
    write: (value, writer) => plain.write(value, writer),
  });
}

/**
 * `bcs.enum(name, fields)`, reading the same values several times faster: `@mysten/bcs` builds
 * each as `{ [kind]: value, $kind: kind }`, an object literal with a computed key, which V8
 * creates slowly when the keys vary; assigning the keys in turn does not.
 */
export function enumLayout<T extends Record<string, AnyLayout | null>, const Name extends string>(
  name: Name,
  fields: T,
) {
  const layout = bcs.enum(name, fields);
  const variants = Object.entries(fields);
  layout.read = (reader) => {
    const index = reader.readULEB();
    const variant = variants[index];
    if (!variant) throw new TypeError(`Unknown value ${index} for enum ${name}`);
    const [kind, type] = variant;
    const value: Record<string, unknown> = {};
    value[kind] = type?.read(reader) ?? true; // as `@mysten/bcs`, `true` for a variant without data
    value.$kind = kind;
    return value as typeof layout.$inferType;
  };
  return layout;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** `bcs.string()`, reading with one shared UTF-8 decoder (`@mysten/bcs` makes one per string). */
export function stringLayout() {
  const layout = bcs.string();
  layout.read = (reader) => utf8.decode(reader.readBytes(reader.readULEB()));
  return layout;
}

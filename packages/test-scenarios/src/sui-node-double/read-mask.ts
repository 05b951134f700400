/**
 * `google.protobuf.FieldMask` applied the way a Sui full node applies `read_mask` (test tooling):
 * paths are snake_case field names joined by dots, relative to the response's main message;
 * a path through a repeated message field applies to every element; an unknown path is
 * `INVALID_ARGUMENT`.
 */
import { RpcError } from "@mysten/sui/grpc";

/** The part of a protobuf-ts field's reflection info the mask needs. */
interface FieldInfo {
  name: string;
  localName: string;
  kind: string;
  repeat?: number;
  oneof?: string;
  T?: unknown;
}

/** The part of a protobuf-ts message type's reflection info the mask needs. */
interface MessageInfo {
  typeName: string;
  fields: readonly FieldInfo[];
}

/** Paths as a tree: `whole` when the path ends here (the field is kept entire). */
interface PathTree {
  whole: boolean;
  children: Map<string, PathTree>;
}

function treeOf(paths: readonly string[]): PathTree {
  const root: PathTree = { whole: false, children: new Map() };
  for (const path of paths) {
    let node = root;
    for (const name of path.split(".")) {
      const child = node.children.get(name) ?? { whole: false, children: new Map() };
      node.children.set(name, child);
      node = child;
    }
    node.whole = true;
  }
  return root;
}

/** The field `name` of `type`, and the message type under it when the path goes deeper. */
function fieldOf(type: MessageInfo, name: string, deeper: boolean): [FieldInfo, MessageInfo?] {
  const field = type.fields.find((candidate) => candidate.name === name);
  if (!field)
    throw new RpcError(`read_mask: ${type.typeName} has no field ${name}`, "INVALID_ARGUMENT");
  if (field.oneof) {
    throw new RpcError(`read_mask: the double does not mask oneof member ${name}`, "UNIMPLEMENTED");
  }
  if (!deeper) return [field];
  if (field.kind !== "message") {
    throw new RpcError(`read_mask: ${type.typeName}.${name} is not a message`, "INVALID_ARGUMENT");
  }
  return [field, (field.T as () => MessageInfo)()];
}

function pick(type: MessageInfo, message: Record<string, unknown>, tree: PathTree): object {
  const kept: Record<string, unknown> = {};
  for (const [name, subtree] of tree.children) {
    const [field, inner] = fieldOf(type, name, !subtree.whole);
    const value = message[field.localName];
    if (value === undefined) continue;
    if (!inner) kept[field.localName] = value;
    else if (field.repeat) {
      kept[field.localName] = (value as Record<string, unknown>[]).map((element) =>
        pick(inner, element, subtree),
      );
    } else kept[field.localName] = pick(inner, value as Record<string, unknown>, subtree);
  }
  return kept;
}

/** Checks every path against the schema, whether or not the message holds data there. */
function validate(type: MessageInfo, tree: PathTree): void {
  for (const [name, subtree] of tree.children) {
    const [, inner] = fieldOf(type, name, !subtree.whole);
    if (inner) validate(inner, subtree);
  }
}

/**
 * The fields of `message` (of message type `type`, e.g. `GrpcTypes.Checkpoint`) that `paths`
 * select, as a partial message.
 *
 * @throws RpcError `INVALID_ARGUMENT` for a path naming no field, or going below a non-message
 */
export function applyReadMask(
  type: MessageInfo,
  message: object,
  paths: readonly string[],
): object {
  const tree = treeOf(paths);
  validate(type, tree);
  return pick(type, message as Record<string, unknown>, tree);
}

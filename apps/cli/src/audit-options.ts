/** `verity audit`'s options: what it parses, and the report formats it writes. */
import { InvalidArgumentError } from "commander";
import type { DatabaseOptions } from "./options.ts";

/** The report formats `verity audit --format` writes. */
export const AUDIT_FORMATS = ["md", "json", "html"] as const;

/** One of `AUDIT_FORMATS`. */
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** What `verity audit` parses. */
export interface AuditOptions extends DatabaseOptions {
  policy?: string;
  asOf?: number;
  format: AuditFormat;
  out?: string;
}

/** Parses `--as-of`: a checkpoint sequence number (a safe integer). */
export function checkpointNumber(value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)))
    throw new InvalidArgumentError("expected a checkpoint sequence number");
  return Number(value);
}

/**
 * The options of the commands that write reports (`verity audit`, `verity training-summary`):
 * what they parse, and the formats they write.
 */
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

/** The formats `verity training-summary --format` writes. */
export const SUMMARY_FORMATS = ["md", "json"] as const;

/** What `verity training-summary` parses. */
export interface TrainingSummaryOptions extends DatabaseOptions {
  format: (typeof SUMMARY_FORMATS)[number];
  out?: string;
}

/** Parses `--as-of`: a checkpoint sequence number (a safe integer). */
export function checkpointNumber(value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)))
    throw new InvalidArgumentError("expected a checkpoint sequence number");
  return Number(value);
}

import { CONNECTION_OPTIONS } from "./connection-options.js";
import type { OptionSpec } from "./option-spec.js";

/** The flags that build an order field by field; `--body` excludes every one of them. */
export const ORDER_FIELD_OPTIONS: readonly OptionSpec[] = [
  { name: "quantity", type: "string", value: "N", description: "order N available numbers" },
  {
    name: "number",
    type: "string",
    multiple: true,
    value: "NUM",
    description: "order this number (repeatable): 8882223456, 888-222-3456, +18882223456, (888) 222-3456, ...",
  },
  {
    name: "reservation",
    type: "string",
    multiple: true,
    value: "ID",
    description: "order the number held by reservation ID (repeatable)",
  },
  { name: "package-id", type: "string", value: "ID", description: "the package to order numbers for (required)" },
  { name: "service-area", type: "string", value: "N", description: "the service area of the numbers (required)" },
  {
    name: "email",
    type: "string",
    value: "ADDRESS",
    description: "e-mail address notified when the order changes status",
  },
  { name: "notes", type: "string", value: "TEXT", description: "notes about the fulfilment of the order" },
  {
    name: "reference-id",
    type: "string",
    value: "REF",
    description: "your reference for the order; reuse it when checking a retry",
  },
  { name: "my-resporg", type: "boolean", description: "provision to your own RespOrg instead of the carrier's" },
];

/** Every option of `tf-orders order`. */
export const ORDER_OPTIONS: readonly OptionSpec[] = [
  ...ORDER_FIELD_OPTIONS,
  {
    name: "body",
    type: "string",
    value: "FILE",
    description: 'send this JSON order (at most 1 MiB of UTF-8) instead of building one from flags ("-" reads stdin)',
  },
  { name: "dry-run", type: "boolean", description: "validate and print the JSON that would be sent; send nothing" },
  {
    name: "yes",
    type: "boolean",
    short: "y",
    description: "skip the confirmation asked before purchasing on a host other than the mock",
  },
  ...CONNECTION_OPTIONS,
];

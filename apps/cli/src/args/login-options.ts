import { CONNECTION_OPTIONS } from "./connection-options.js";
import type { OptionSpec } from "./option-spec.js";

/** Every option of `tf-orders login`. */
export const LOGIN_OPTIONS: readonly OptionSpec[] = [
  { name: "print-token", type: "boolean", description: "print the token on stdout (it is a secret: handle with care)" },
  ...CONNECTION_OPTIONS,
];

import type { OrderRequest } from "@tf-orders/client";

type KeysOfUnion<T> = T extends unknown ? keyof T : never;

/** A key of any order variant, as the generated types spell it (`packageID`, `Email`, ...). */
export type OrderField = Extract<KeysOfUnion<OrderRequest>, string>;

/**
 * Which order field each flag sets. Typed against the generated `OrderRequest`, so a renamed or
 * re-cased field in the spec (`Email` → `email`) breaks the build instead of silently sending a key
 * the server ignores.
 */
export const FLAG_FIELDS = {
  quantity: "quantity",
  number: "numbers",
  reservation: "reservations",
  "package-id": "packageID",
  "service-area": "serviceArea",
  email: "Email",
  notes: "Notes",
  "reference-id": "referenceID",
  "my-resporg": "myRespOrg",
} as const satisfies Record<string, OrderField>;

/** The flag that sets a field, for messages: `packageID` → `--package-id`. */
export function flagForField(field: string): string | undefined {
  for (const [flag, name] of Object.entries(FLAG_FIELDS)) {
    if (name === field) return `--${flag}`;
  }
  return undefined;
}

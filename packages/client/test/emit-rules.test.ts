import { loadBundledSpec } from "@tf-orders/spec/reader";
import { describe, expect, test } from "vitest";
import { emitRules } from "../scripts/emit-rules.mjs";

type Spec = { components: { schemas: Record<string, Record<string, unknown>> } };
const edited = (edit: (schemas: Spec["components"]["schemas"]) => void): Spec => {
  // The reader caches one parsed spec per process, so edits go to a copy.
  const spec = structuredClone(loadBundledSpec()) as unknown as Spec;
  edit(spec.components.schemas);
  return spec;
};

describe("the rules table follows the spec, not a second copy of it", () => {
  test("a new enum value reaches the rules", () => {
    const text = emitRules(edited((schemas) => (schemas.ServiceArea!.enum = [1, 2, 3, 4, 5, 6])));
    expect(text).toContain('serviceArea: /* @__PURE__ */ rule({ type: "integer", enum: [1, 2, 3, 4, 5, 6] }),');
  });

  test("a new order mode gets its selector", () => {
    const text = emitRules(
      edited((schemas) => {
        const { quantity, ...shared } = schemas.OrderByQuantity!.properties as Record<string, unknown>;
        schemas.OrderByPattern = {
          ...schemas.OrderByQuantity,
          required: ["pattern", "packageID", "serviceArea"],
          properties: { ...shared, pattern: { type: "string", minLength: 3 } },
        };
        (schemas.OrderRequest!.oneOf as unknown[]).push({ $ref: "#/components/schemas/OrderByPattern" });
      }),
    );
    expect(text).toContain('selectors: ["numbers", "quantity", "reservations", "reservationID", "pattern"]');
    expect(text).toContain('pattern: /* @__PURE__ */ rule({ type: "string", min: 3 }),');
  });

  test("rules that come out alike are written once, wherever they are in the spec", () => {
    const text = emitRules(loadBundledSpec());
    // PackageId and Quantity are both a positive integer.
    expect(text.match(/rule\(\{ type: "integer", min: 1 \}\)/g)).toHaveLength(1);
    expect(text).toMatch(/packageID: (shared\d+),[\s\S]*quantity: \1,/);
  });

  test.each([
    [
      "a keyword it cannot check",
      (schemas: Spec["components"]["schemas"]) => (schemas.Notes!.maxLength = 500),
      /keyword 'maxLength' is not supported/,
    ],
    [
      "an order mode that is not closed",
      (schemas: Spec["components"]["schemas"]) => delete schemas.OrderByQuantity!.additionalProperties,
      /needs additionalProperties:false/,
    ],
    [
      "an order mode that lacks a key the others allow",
      (schemas: Spec["components"]["schemas"]) =>
        delete (schemas.OrderByQuantity!.properties as Record<string, unknown>).Notes,
      /branch 1 must differ from the others in its own key only/,
    ],
    [
      "an order mode that requires a key the others do not",
      (schemas: Spec["components"]["schemas"]) => (schemas.OrderByQuantity!.required as string[]).push("Notes"),
      /branch 1 must differ from the others in its own key only/,
    ],
    [
      "a minimum on a string",
      (schemas: Spec["components"]["schemas"]) => (schemas.Notes!.minimum = 1),
      /minimum is supported on type integer only/,
    ],
    [
      "a pattern beside a format",
      (schemas: Spec["components"]["schemas"]) => (schemas.Email!.pattern = "^.+$"),
      /pattern beside format is not supported/,
    ],
    [
      "a list of types",
      (schemas: Spec["components"]["schemas"]) => (schemas.Notes!.type = ["string", "null"]),
      /type .* is not supported/,
    ],
    [
      "a format Prism checks but the client does not",
      (schemas: Spec["components"]["schemas"]) => (schemas.Notes!.format = "uri"),
      /format 'uri' is not supported/,
    ],
    [
      "allOf branches that disagree",
      (schemas: Spec["components"]["schemas"]) => (schemas.Notes!.allOf = [{ type: "integer" }]),
      /allOf branches disagree on 'type'/,
    ],
  ])("refuses %s instead of skipping it", (_name, edit, message) => {
    expect(() => emitRules(edited(edit))).toThrow(message);
  });

  test.each([
    ["^[0-9]{10}$", "/^[0-9]{10}$/ })"],
    ["^.{10}$", "/^.{10}$/u })"],
    ["^[^-]+$", "/^[^-]+$/u })"],
    ["^\\S+$", "/^\\S+$/u })"],
    ["^é+$", "/^é+$/u })"],
  ])("pattern %s keeps the u flag only where it can change a verdict", (pattern, emitted) => {
    const text = emitRules(
      edited(
        (schemas) =>
          (schemas.TollFreeNumber!.properties = {
            ...(schemas.TollFreeNumber!.properties as object),
            number: { type: "string", pattern },
          }),
      ),
    );
    expect(text).toContain(`number: /* @__PURE__ */ rule({ type: "string", pattern: ${emitted}`);
  });

  test("allOf is merged into one rule", () => {
    expect(emitRules(loadBundledSpec())).toMatch(
      /properties: \{ code: \/\* @__PURE__ \*\/ rule\(\{ type: "integer", enum: \[401\] \}\), error: shared\d+ \},\s+required: \["code", "error"\],/,
    );
  });

  test("a format Prism ignores is ignored too", () => {
    expect(emitRules(edited((schemas) => (schemas.Notes!.format = "markdown")))).toBe(emitRules(loadBundledSpec()));
    expect(emitRules(edited((schemas) => (schemas.Notes!.format = "email")))).not.toBe(emitRules(loadBundledSpec()));
  });
});

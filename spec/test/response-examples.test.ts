import { loadBundledSpec, type MediaType, namedExamples, resolveRef } from "@tf-orders/spec/reader";
import { describe, expect, it } from "vitest";
import { compileAgainstSpec, dialects, violations } from "./schema-validator.ts";

const spec = loadBundledSpec();

interface Response {
  content?: Record<string, MediaType>;
}

/** Every named response example of every operation, with the schema it must satisfy. */
const cases = Object.values(spec.paths).flatMap((item) =>
  Object.values(item).flatMap((operation) =>
    Object.entries(operation.responses).flatMap(([status, response]) =>
      Object.values(resolveRef<Response>(spec, response).content ?? {}).flatMap((media) =>
        namedExamples(spec, media).map(({ name, value }) => ({
          title: `${operation.operationId} ${status} ${name}`,
          status: Number(status),
          schema: media.schema,
          value,
        })),
      ),
    ),
  ),
);

describe.each(dialects)("response examples under %s semantics", (dialect) => {
  it.each(cases)("$title matches its schema", ({ schema, value }) => {
    const validate = compileAgainstSpec(spec, dialect, schema);
    const valid = validate(value);
    expect(violations(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(cases.filter(({ status }) => status >= 400))(
    "$title carries code equal to its status",
    ({ status, value }) => {
      expect((value as { code: unknown }).code).toBe(status);
    },
  );

  it("rejects an error body whose code differs from the status", () => {
    const unprocessable = cases.find(({ status }) => status === 422);
    if (unprocessable === undefined) throw new Error("no 422 example");
    const validate = compileAgainstSpec(spec, dialect, unprocessable.schema);
    expect(validate({ code: 400, error: "The 'packageID' parameter is required." })).toBe(false);
    expect(violations(validate.errors)).toContain("/code const");
  });

  it("rejects a success body without batches", () => {
    const success = cases.find(({ title }) => title.startsWith("purchaseTollFreeNumbers 200"));
    if (success === undefined) throw new Error("no 200 example");
    const validate = compileAgainstSpec(spec, dialect, success.schema);
    expect(validate({ orderID: 287225 })).toBe(false);
    expect(violations(validate.errors)).toContain("/batches required");
  });
});

describe("seed error messages", () => {
  const messages = cases.map(({ value }) => (value as { error?: string }).error);
  // Every message the seed page prints, with its placeholder filled: the examples must cover them all.
  it.each([
    ["401 Unauthorized", /^Unauthorized$/],
    ["401 Session Expired", /^Session Expired$/],
    ["402 trial limit realized", /^Order blocked; trial limit realized\. Limit: \d+ seats\.$/],
    ["402 trial limit exceeded", /^Order too large; trial limit exceeded\. Available: \d+ seats\.$/],
    ["406 Not Acceptable", /^Not Acceptable$/],
    ["422 required", /^The '\w+' parameter is required\.$/],
    ["422 scalar", /^The '\w+' parameter must be scalar\.$/],
    ["422 integer", /^The '\w+' parameter must be formatted as a\(n\) integer\.$/],
    ["422 string", /^The '\w+' parameter must be formatted as a\(n\) string\.$/],
    ["422 number object (number)", /^The 'number' parameter is required for each Number object\.$/],
    ["422 number object (countryCode)", /^The 'countryCode' parameter is required for each Number object\.$/],
    ["422 countryCode", /^The 'countryCode' parameter must match one of the following values: 1$/],
    ["422 serviceArea", /^The 'serviceArea' parameter must match one of the following values: 1, 2, 3, 4, 5$/],
  ])("has an example for %s", (_name, pattern) => {
    expect(messages.some((message) => message !== undefined && pattern.test(message))).toBe(true);
  });

  it("serves Unauthorized first (Prism answers a missing token with the first 401 example)", () => {
    const first = cases.find(({ title }) => title.startsWith("purchaseTollFreeNumbers 401"));
    expect((first?.value as { error: string } | undefined)?.error).toBe("Unauthorized");
  });
});

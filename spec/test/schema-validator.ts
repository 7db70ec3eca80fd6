import type { BundledSpec } from "@tf-orders/spec/reader";
import type { ErrorObject, ValidateFunction } from "ajv";
import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import ajvFormats from "ajv-formats";

// ajv-formats is CommonJS: under NodeNext its ESM default import is `module.exports`, whose `default` is the plugin.
const addFormats = ajvFormats.default;

/**
 * The two JSON Schema semantics the contract must hold under: 2020-12 (OpenAPI 3.1 tools, docs) and
 * draft-07 (what Prism applies when no `jsonSchemaDialect` is set, see the toolchain notes).
 */
export const dialects = ["2020-12", "draft-07"] as const;
export type Dialect = (typeof dialects)[number];

const specId = "https://tf-orders.local/openapi.json";
const instances = new WeakMap<BundledSpec, Map<Dialect, Ajv>>();

/** Compiles `schema` (a `$ref` into the spec's components) under one dialect; Ajv caches by ref. */
export function compileAgainstSpec(spec: BundledSpec, dialect: Dialect, schema: object): ValidateFunction {
  return ajvFor(spec, dialect).compile({ $ref: `${specId}${pointerOf(schema)}` });
}

function ajvFor(spec: BundledSpec, dialect: Dialect): Ajv {
  const perDialect = instances.get(spec) ?? new Map<Dialect, Ajv>();
  instances.set(spec, perDialect);
  let ajv = perDialect.get(dialect);
  if (ajv === undefined) {
    const options = { allErrors: true, strict: false } as const;
    ajv = dialect === "2020-12" ? new Ajv2020(options) : new Ajv(options);
    addFormats(ajv);
    // The bundle's refs are document-local (`#/components/...`); register the document under an id so
    // those refs resolve from any compiled schema.
    ajv.addSchema({ $id: specId, components: spec.components });
    perDialect.set(dialect, ajv);
  }
  return ajv;
}

function pointerOf(schema: object): string {
  const ref = (schema as { $ref?: unknown }).$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/")) {
    throw new Error("expected a $ref into the spec's components");
  }
  return ref;
}

/**
 * Flattens Ajv errors into `path keyword` strings such as `/serviceArea enum` or `/packageID required`,
 * naming the offending key itself for `required` and `additionalProperties`.
 */
export function violations(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const key =
      (error.params as { missingProperty?: string; additionalProperty?: string }).missingProperty ??
      (error.params as { additionalProperty?: string }).additionalProperty;
    return `${error.instancePath}${key === undefined ? "" : `/${key}`} ${error.keyword}`;
  });
}

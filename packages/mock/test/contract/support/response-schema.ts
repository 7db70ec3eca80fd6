import { loadBundledSpec, locateOperation } from "@tf-orders/spec/reader";
import type { ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import ajvFormats from "ajv-formats";

// ajv-formats is CommonJS: under NodeNext its default import is `module.exports`, whose `default` is the plugin.
const addFormats = ajvFormats.default;
const specId = "https://tf-orders.local/openapi.json";
let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

/**
 * Checks a response body against the schema the spec declares for `operationId` and `status`
 * (`application/json`), with the spec's own `$ref`s. Returns one line per violation; none means it conforms.
 */
export function responseViolations(operationId: string, status: number, body: unknown): string[] {
  const key = `${operationId} ${status}`;
  let validate = compiled.get(key);
  if (validate === undefined) {
    validate = instance().compile({ $ref: `${specId}#${schemaPointer(operationId, status)}` });
    compiled.set(key, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? error.keyword}`);
}

function instance(): Ajv2020 {
  if (ajv === undefined) {
    // OpenAPI 3.1 schemas are JSON Schema 2020-12; `strict: false` lets Ajv walk past OpenAPI's own keywords.
    ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addFormat("password", true);
    ajv.addSchema({ ...loadBundledSpec(), $id: specId });
  }
  return ajv;
}

/** JSON pointer to the response schema, following a `$ref` to a shared response component. */
function schemaPointer(operationId: string, status: number): string {
  const { path, method, operation } = locateOperation(loadBundledSpec(), operationId);
  const response = operation.responses[String(status)];
  if (response === undefined) throw new Error(`${operationId} declares no ${status} response`);
  const ref = (response as { $ref?: unknown }).$ref;
  const base =
    typeof ref === "string" ? ref.replace(/^#/, "") : `/paths/${escapePointer(path)}/${method}/responses/${status}`;
  return `${base}/content/${escapePointer("application/json")}/schema`;
}

function escapePointer(key: string): string {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}

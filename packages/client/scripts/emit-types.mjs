import openapiTS, { astToString } from "openapi-typescript";

/**
 * Emits the `paths`/`components`/`operations` types. `defaultNonNullable: false` keeps a field with a
 * `default` (such as `myRespOrg`) optional in request bodies.
 */
export async function emitTypes(spec) {
  const ast = await openapiTS(spec, { defaultNonNullable: false });
  return astToString(ast);
}

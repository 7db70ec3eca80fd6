import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type BundledSpec, loadBundledSpec } from "@tf-orders/spec/reader";

/**
 * Writes a copy of the bundled spec, changed by `edit`, as `<name>.json` in `folder`, and returns its path:
 * a spec that differs from the one the client's rule table was generated from.
 */
export async function writeEditedSpec(
  folder: string,
  name: string,
  edit: (spec: BundledSpec) => void,
): Promise<string> {
  const spec = structuredClone(loadBundledSpec());
  edit(spec);
  const path = join(folder, `${name}.json`);
  await writeFile(path, JSON.stringify(spec));
  return path;
}

import type { OrderRequest } from '@tf-orders/client';
import { validateOrderRequest } from '@tf-orders/client';
import { CliError } from '../errors/cli-error.js';
import { ExitCode } from '../exit-codes.js';
import { flagForField } from './order-fields.js';

/**
 * Checks an order against the spec with the client's validator. Problems end the command with exit
 * code 2 before anything is sent; with `namedBy: 'flags'` each names the flag to fix as well as the
 * field (`--package-id (packageID): ...`).
 */
export function validateOrder(candidate: unknown, namedBy: 'flags' | 'body'): OrderRequest {
  const result = validateOrderRequest(candidate);
  if (result.ok) return result.value;
  const problems = result.errors.map((error) => {
    const flag = namedBy === 'flags' ? flagForField(rootField(error.parameter)) : undefined;
    return { field: flag === undefined ? error.parameter : `${flag} (${error.parameter})`, message: error.message };
  });
  const lines = problems.map((p) => `  ${p.field}: ${p.message}`);
  throw new CliError(ExitCode.Usage, `the order is invalid:\n${lines.join('\n')}`, undefined, problems);
}

/** `numbers[0].number` or `/numbers/0/number` → `numbers`. */
function rootField(parameter: string): string {
  return /[A-Za-z]+/.exec(parameter)?.[0] ?? parameter;
}

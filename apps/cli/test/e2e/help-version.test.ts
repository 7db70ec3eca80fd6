import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

describe('the built tf-orders binary', () => {
  it('--version prints the version of its package.json', async () => {
    const run = await runCli(['--version']);
    expect(run).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it.each([
    [['--help'], 'Usage: tf-orders <command> [options]'],
    [['order', '--help'], 'Usage: tf-orders order [options]'],
    [['login', '--help'], 'Usage: tf-orders login [options]'],
  ])('%j prints its help, exit codes included, on stdout', async (args, usage) => {
    const run = await runCli(args);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith(usage)).toBe(true);
    expect(run.stdout).toContain('6  outcome unknown: check your orders before retrying');
  });
});

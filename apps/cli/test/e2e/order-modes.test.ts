import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runCli } from "../support/run-cli.js";
import { TOKEN_ENV } from "../support/secrets.js";
import { orderRequestExample, orderResponseExample } from "../support/spec-examples.js";

const mockEnv = { ...TOKEN_ENV, TF_MOCK_URL: inject("mockUrl") };
const accepted = orderResponseExample("200", "orderAccepted");
const byNumbers = orderRequestExample("orderByNumbers");
const byQuantity = orderRequestExample("orderByQuantity");
const everyOption = orderRequestExample("orderWithEveryOption");
const specificNumbers = orderRequestExample("orderSpecificNumbers");

/** Ten digits → the formats an operator might paste. */
const FORMATS: ReadonlyArray<(digits: string) => string> = [
  (d) => d,
  (d) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  (d) => `+1${d}`,
  (d) => `+1 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
];

/** The example's numbers written in every format, two formats per run (one per number). */
function formatsOf(numbers: unknown): string[][] {
  const digits = (numbers as Array<{ number: string }>).map((n) => n.number);
  const runs: string[][] = [];
  for (let first = 0; first < FORMATS.length; first += digits.length) {
    runs.push(digits.map((d, i) => FORMATS[(first + i) % FORMATS.length]!(d)));
  }
  return runs;
}

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "tf-orders-cli-"));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe("tf-orders order against the mock", () => {
  it.each([
    [
      "by quantity",
      [
        "--quantity",
        String(byQuantity.quantity),
        "--package-id",
        String(byQuantity.packageID),
        "--service-area",
        String(byQuantity.serviceArea),
      ],
      byQuantity,
    ],
    ...formatsOf(byNumbers.numbers).map((numbers): [string, string[], Record<string, unknown>] => [
      `by numbers written as ${numbers.join(" and ")}`,
      [
        ...numbers.flatMap((n) => ["--number", n]),
        "--package-id",
        String(byNumbers.packageID),
        "--service-area",
        String(byNumbers.serviceArea),
      ],
      byNumbers,
    ]),
    [
      "by reservations, with every optional flag",
      [
        ...(everyOption.reservations as string[]).flatMap((id) => ["--reservation", id]),
        "--package-id",
        String(everyOption.packageID),
        "--service-area",
        String(everyOption.serviceArea),
        "--email",
        String(everyOption.Email),
        "--notes",
        String(everyOption.Notes),
        "--reference-id",
        String(everyOption.referenceID),
        "--my-resporg",
      ],
      everyOption,
    ],
  ])("%s: --dry-run prints the spec example, and the mock accepts it", async (_name, args, expected) => {
    const dry = await runCli(["order", ...args, "--dry-run"], { env: mockEnv });
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual(expected);

    const sent = await runCli(["order", ...args, "--json"], { env: mockEnv });
    expect(sent.code, sent.stderr).toBe(0);
    expect(JSON.parse(sent.stdout)).toEqual(accepted);
  });

  it("--body FILE sends the file as it is", async () => {
    const file = join(workDir, "every-option.json");
    await writeFile(file, JSON.stringify(everyOption));
    const run = await runCli(["order", "--body", file, "--json"], { env: mockEnv });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(accepted);
  });

  it("--body - reads stdin (the vendor's own reservationID example)", async () => {
    const run = await runCli(["order", "--body", "-", "--json"], {
      env: mockEnv,
      stdin: JSON.stringify(specificNumbers),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(accepted);
  });

  it("prints a human summary with the order ID and every batch ID by default, and notes the mock on stderr", async () => {
    const run = await runCli(["order", "--quantity", "1", "--package-id", "1234567", "--service-area", "4"], {
      env: mockEnv,
    });
    expect(run.code, run.stderr).toBe(0);
    const order = accepted as { orderID: number; batches: Array<{ batchID: number }> };
    expect(run.stdout).toContain(`order ID:  ${order.orderID}`);
    expect(run.stdout).toContain(`batch IDs: ${order.batches.map((b) => b.batchID).join(", ")}`);
    expect(run.stderr).toContain("is the local mock; nothing is bought");
  });

  it("works on the mock with no credentials at all (a placeholder token, which the mock accepts)", async () => {
    const run = await runCli(["order", "--quantity", "1", "--package-id", "1234567", "--service-area", "4", "--json"], {
      env: { TF_MOCK_URL: inject("mockUrl") },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(accepted);
  });
});

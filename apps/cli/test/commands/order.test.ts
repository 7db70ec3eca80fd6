import { describe, expect, it } from "vitest";
import { confirmPurchase } from "../../src/commands/order.js";
import { ExitCode } from "../../src/errors.js";
import type { Target } from "../../src/target.js";
import { fakeIo } from "../support/fake-io.js";

const mock: Target = { baseUrl: "http://127.0.0.1:4010", host: "127.0.0.1:4010", isMock: true };
const real: Target = { baseUrl: "https://customer.intelepeer.com", host: "customer.intelepeer.com", isMock: false };
const description = "2 numbers (any available) for package 1234567 in service area 4";

describe("confirmPurchase", () => {
  it.each([
    ["the mock, no terminal", mock, false, false],
    ["a real host with --yes, no terminal", real, true, false],
    ["a real host with --yes on a terminal (no question asked)", real, true, true],
  ])("goes ahead without asking on %s", async (_name, target, yes, stdinIsTTY) => {
    const io = fakeIo({ stdinIsTTY });
    await expect(confirmPurchase({ target, description, yes, io })).resolves.toBeUndefined();
    expect(io.prompts).toEqual([]);
  });

  it("refuses without --yes when stdin is not a terminal, without asking", async () => {
    const io = fakeIo({ stdinIsTTY: false });
    await expect(confirmPurchase({ target: real, description, yes: false, io })).rejects.toMatchObject({
      exitCode: ExitCode.Usage,
      message: "refusing to purchase on customer.intelepeer.com without --yes (stdin is not a terminal)",
    });
    expect(io.prompts).toEqual([]);
  });

  it.each(["y", "Y", "yes", " YES "])("goes ahead when the person answers %j", async (answer) => {
    const io = fakeIo({ stdinIsTTY: true, answers: [answer] });
    await confirmPurchase({ target: real, description, yes: false, io });
    expect(io.prompts).toEqual([`Purchase ${description} on customer.intelepeer.com? This is billed. [y/N] `]);
  });

  it.each(["", "n", "no", "yess", "sure"])("stops with exit code 2 when the person answers %j", async (answer) => {
    const io = fakeIo({ stdinIsTTY: true, answers: [answer] });
    await expect(confirmPurchase({ target: real, description, yes: false, io })).rejects.toMatchObject({
      exitCode: ExitCode.Usage,
      message: "purchase not confirmed; nothing was sent",
    });
  });
});

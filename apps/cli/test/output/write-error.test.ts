import { describe, expect, it } from "vitest";
import { ExitCode } from "../../src/exit-codes.js";
import { writeError } from "../../src/output/write-error.js";
import { fakeIo } from "../support/fake-io.js";

const report = {
  exitCode: ExitCode.ApiError,
  message: "the server rejected the order (422): The 'packageID' parameter is required.",
  parameter: "packageID",
  status: 422,
  hint: "fix the order",
};

describe("writeError", () => {
  it("prints the message, the parameter and the hint on stderr for people", () => {
    const io = fakeIo();
    writeError(io, "tf-orders order", report, false);
    expect(io.err()).toBe(
      "tf-orders order: the server rejected the order (422): The 'packageID' parameter is required.\n" +
        "  parameter: packageID\n" +
        "  hint: fix the order\n",
    );
    expect(io.out()).toBe("");
  });

  it("prints one parseable JSON line on stderr for machines", () => {
    const io = fakeIo();
    writeError(io, "tf-orders order", report, true);
    expect(io.err().split("\n")).toHaveLength(2);
    expect(JSON.parse(io.err())).toEqual({ error: report });
    expect(io.out()).toBe("");
  });
});

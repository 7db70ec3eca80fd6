import { describe, expect, it } from "vitest";
import { ExitCode } from "../src/errors.js";
import { formatOrderSummary, redactSecrets, writeError } from "../src/output.js";
import { fakeIo } from "./support/fake-io.js";

describe("formatOrderSummary", () => {
  it.each([
    [
      "three batches",
      { orderID: 287225, batches: [{ batchID: 31458 }, { batchID: 31460 }, { batchID: 31462 }] },
      "Order accepted.\n  order ID:  287225\n  batch IDs: 31458, 31460, 31462\n",
    ],
    ["no batches", { orderID: 1, batches: [] }, "Order accepted.\n  order ID:  1\n  batch IDs: (none)\n"],
  ])("%s", (_name, order, want) => {
    expect(formatOrderSummary(order)).toBe(want);
  });
});

describe("redactSecrets", () => {
  it("masks every occurrence of each secret on both streams", () => {
    const io = fakeIo();
    const safe = redactSecrets(io, ["tok-secret-1", "pw-secret-2", undefined]);
    safe.stdout("token tok-secret-1 and again tok-secret-1\n");
    safe.stderr("password pw-secret-2\n");
    expect(io.out()).toBe("token [redacted] and again [redacted]\n");
    expect(io.err()).toBe("password [redacted]\n");
  });

  it("leaves output alone when there are no secrets long enough to search for", () => {
    const io = fakeIo();
    const safe = redactSecrets(io, ["a", undefined]);
    safe.stdout("a banana\n");
    expect(io.out()).toBe("a banana\n");
  });
});

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

import { describe, expect, it } from "vitest";
import { redactSecrets } from "../../src/output/redact.js";
import { fakeIo } from "../support/fake-io.js";

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

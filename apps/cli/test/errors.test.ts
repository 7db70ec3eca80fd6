import {
  AuthenticationError,
  ConnectionError,
  NotAcceptableError,
  PaymentRequiredError,
  TimeoutError,
  UnexpectedResponseError,
  UnprocessableEntityError,
  ValidationError,
} from "@tf-orders/client";
import { describe, expect, it } from "vitest";
import { CliError, classifyError, ExitCode, outcomeUnknownHint } from "../src/errors.js";
import type { Target } from "../src/target.js";
import { clientError } from "./support/client-error.js";

const mock: Target = { baseUrl: "http://127.0.0.1:4010", host: "127.0.0.1:4010", isMock: true };
const real: Target = { baseUrl: "https://customer.intelepeer.com", host: "customer.intelepeer.com", isMock: false };

describe("classifyError", () => {
  it.each([
    ["a CliError keeps its own code", new CliError(ExitCode.Usage, "bad flag", "--x"), false, ExitCode.Usage],
    [
      "ValidationError",
      clientError(ValidationError, {
        message: "Nothing was sent.",
        status: 422,
        errors: [{ parameter: "packageID", message: "The 'packageID' parameter is required." }],
      }),
      false,
      ExitCode.Usage,
    ],
    [
      "AuthenticationError (unauthorized)",
      clientError(AuthenticationError, { message: "Unauthorized", status: 401, reason: "unauthorized" }),
      true,
      ExitCode.Authentication,
    ],
    [
      "AuthenticationError (session expired)",
      clientError(AuthenticationError, { message: "Session Expired", status: 401, reason: "session-expired" }),
      true,
      ExitCode.Authentication,
    ],
    [
      "PaymentRequiredError",
      clientError(PaymentRequiredError, {
        message: "Order too large; trial limit exceeded. Available: 3 seats.",
        status: 402,
      }),
      true,
      ExitCode.PaymentRequired,
    ],
    [
      "NotAcceptableError",
      clientError(NotAcceptableError, { message: "Not Acceptable", status: 406 }),
      true,
      ExitCode.ApiError,
    ],
    [
      "UnprocessableEntityError",
      clientError(UnprocessableEntityError, {
        message: "The 'serviceArea' parameter must be scalar.",
        status: 422,
        parameter: "serviceArea",
      }),
      true,
      ExitCode.ApiError,
    ],
    [
      "UnexpectedResponseError with a known outcome",
      clientError(UnexpectedResponseError, { message: "HTTP 404", status: 404, outcomeUnknown: false }),
      true,
      ExitCode.ApiError,
    ],
    [
      "UnexpectedResponseError with an unknown outcome",
      clientError(UnexpectedResponseError, { message: "HTTP 502", status: 502, outcomeUnknown: true }),
      true,
      ExitCode.OutcomeUnknown,
    ],
    [
      "ConnectionError after sending",
      clientError(ConnectionError, { message: "dropped", outcomeUnknown: true }),
      true,
      ExitCode.OutcomeUnknown,
    ],
    [
      "TimeoutError after sending",
      clientError(TimeoutError, { message: "timed out", outcomeUnknown: true }),
      true,
      ExitCode.OutcomeUnknown,
    ],
    [
      "ConnectionError before sending",
      clientError(ConnectionError, { message: "refused", outcomeUnknown: false }),
      true,
      ExitCode.Unreachable,
    ],
    [
      "TimeoutError of a login",
      clientError(TimeoutError, { message: "timed out", outcomeUnknown: false }),
      false,
      ExitCode.Unreachable,
    ],
    [
      "a dropped connection outside any purchase (tf-orders login)",
      clientError(ConnectionError, { message: "dropped", outcomeUnknown: true }),
      false,
      ExitCode.Unreachable,
    ],
    [
      "an unexpected answer outside any purchase",
      clientError(UnexpectedResponseError, { message: "HTTP 502", status: 502, outcomeUnknown: true }),
      false,
      ExitCode.ApiError,
    ],
    ["an unknown error while a purchase was in flight", new TypeError("boom"), true, ExitCode.OutcomeUnknown],
    ["an unknown error with no purchase in flight", new TypeError("boom"), false, ExitCode.Internal],
  ])("%s", (_name, error, purchaseSent, exitCode) => {
    expect(classifyError(error, { target: real, purchaseSent }).exitCode).toBe(exitCode);
  });

  it.each([
    [
      "an unexpected answer, whose message names its status already",
      clientError(UnexpectedResponseError, {
        message: "Unexpected response (HTTP 404): the spec lists no such status.",
        status: 404,
        outcomeUnknown: false,
      }),
      "Unexpected response (HTTP 404): the spec lists no such status.",
    ],
    [
      "a listed error status, whose message is the server's",
      clientError(NotAcceptableError, { message: "Not Acceptable", status: 406 }),
      "the server answered 406: Not Acceptable",
    ],
  ])("says the status once for %s", (_name, error, message) => {
    expect(classifyError(error, { target: real, purchaseSent: true })).toMatchObject({
      exitCode: ExitCode.ApiError,
      message,
    });
  });

  it("passes the server message and the parameter it names", () => {
    const report = classifyError(
      clientError(UnprocessableEntityError, {
        message: "The 'serviceArea' parameter must be scalar.",
        status: 422,
        parameter: "serviceArea",
      }),
      { target: real, purchaseSent: true },
    );
    expect(report).toMatchObject({
      status: 422,
      parameter: "serviceArea",
      message: expect.stringContaining("The 'serviceArea' parameter must be scalar."),
    });
  });

  it.each([
    ["a ConnectionError", clientError(ConnectionError, { message: "dropped", outcomeUnknown: true })],
    ["a foreign error", new Error("socket hang up")],
  ])("tells the operator to check orders before retrying after %s", (_name, error) => {
    expect(classifyError(error, { target: real, purchaseSent: true })).toMatchObject({
      hint: outcomeUnknownHint(undefined),
      outcomeUnknown: true,
    });
  });

  it.each([
    [undefined, /check your orders before retrying; give orders a --reference-id/],
    [
      "PO-2026-0042",
      /look for referenceID 'PO-2026-0042' in your orders before retrying; if it is not there, resend with the same --reference-id/,
    ],
  ])("names referenceID %s in the exit-6 hint", (referenceID, hint) => {
    const error = clientError(ConnectionError, { message: "dropped", outcomeUnknown: true });
    expect(classifyError(error, { target: real, purchaseSent: true, referenceID }).hint).toMatch(hint);
  });

  it.each([
    ["unauthorized", "credentials", "check TF_API_USERNAME and TF_API_PASSWORD (the user needs API access)"],
    [
      "unauthorized",
      "token",
      "check TF_API_TOKEN (tf-orders login --print-token gets a new one), or unset it to log in with TF_API_USERNAME and TF_API_PASSWORD",
    ],
    [
      "unauthorized",
      undefined,
      "check TF_API_TOKEN, or TF_API_USERNAME and TF_API_PASSWORD (the user needs API access)",
    ],
    [
      "session-expired",
      "credentials",
      "the session expired again right after a fresh login with TF_API_USERNAME and TF_API_PASSWORD; try again later, and if it persists check the user's API access",
    ],
    [
      "session-expired",
      "token",
      "the token has expired: get a new one (tf-orders login --print-token) or use TF_API_USERNAME and TF_API_PASSWORD",
    ],
  ] as const)("a 401 (%s) after sending %s gets a hint about those credentials", (reason, authKind, hint) => {
    const error = clientError(AuthenticationError, { message: reason, status: 401, reason });
    expect(classifyError(error, { target: real, authKind, purchaseSent: true }).hint).toBe(hint);
  });

  it.each([
    ["exceeded", { kind: "trial-limit-exceeded", seats: 3 }, { kind: "trial-limit-exceeded", seats: 3 }],
    ["unparsed", { kind: undefined, seats: undefined }, {}],
  ] as const)(
    "a 402 (%s) reports the limit kind and the seats the client read, when it read them",
    (_name, fields, want) => {
      const error = clientError(PaymentRequiredError, { message: "trial limit", status: 402, ...fields });
      const report = classifyError(error, { target: real, purchaseSent: true });
      expect(report).toMatchObject(want);
      expect(Object.keys(report).filter((key) => key === "kind" || key === "seats")).toEqual(Object.keys(want));
    },
  );

  it.each([
    [mock, /npm run mock/],
    [real, /check --base-url/],
  ])("hints where to look when %o cannot be reached", (target, hint) => {
    expect(
      classifyError(clientError(ConnectionError, { message: "refused", outcomeUnknown: false }), {
        target,
        purchaseSent: true,
      }).hint,
    ).toMatch(hint);
  });

  it("a token that could not be had (no-token): exit 3, no status in the message, a hint about the server", () => {
    const error = clientError(AuthenticationError, {
      message: "The login's token is not a token a header can carry (…); nothing was sent.",
      status: undefined,
      reason: "no-token",
    });
    expect(classifyError(error, { target: real, authKind: "credentials", purchaseSent: true })).toMatchObject({
      exitCode: ExitCode.Authentication,
      message: "authentication failed: The login's token is not a token a header can carry (…); nothing was sent.",
      hint: "the login answered with a token a header cannot carry: the server misbehaves; nothing was bought",
    });
  });
});

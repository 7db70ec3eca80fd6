import { CREDENTIAL_ENV, resolveAuth } from "../credentials.js";
import { classifyError, ExitCode } from "../errors.js";
import { LOGIN_OPTIONS, readConnectionSettings } from "../options.js";
import { toJsonText, writeError } from "../output.js";
import type { Command } from "./command.js";
import { clientOptions, createCheckedClient } from "./command.js";

/**
 * `tf-orders login`: log in with TF_API_USERNAME / TF_API_PASSWORD and say whether it worked. The
 * token is a secret and is printed only with `--print-token`, alone on stdout so it can be captured.
 */
export const loginCommand: Command = {
  name: "login",
  summary: "check that your credentials work (prints the token only with --print-token)",
  description: [
    `Log in with ${CREDENTIAL_ENV.username} and ${CREDENTIAL_ENV.password} and report whether the API accepts them.`,
    "The token is never printed unless --print-token is given; then it is the only thing on stdout.",
    "Against the mock without credentials, placeholder credentials are used (the mock accepts any).",
    `${CREDENTIAL_ENV.token} is not used: it cannot be checked without placing an order.`,
  ].join("\n"),
  options: LOGIN_OPTIONS,
  ignoredEnvironment: [CREDENTIAL_ENV.token],
  examples: [
    [
      "check your credentials on production",
      "TF_API_USERNAME=me TF_API_PASSWORD=... tf-orders login --base-url https://customer.intelepeer.com",
    ],
    [
      "capture a token for later calls",
      'export TF_API_TOKEN="$(tf-orders login --base-url https://customer.intelepeer.com --print-token)"',
    ],
  ],
  async run(values, { io, createClient, json }) {
    const settings = readConnectionSettings(values, io.env);
    const { target } = settings;
    const auth = resolveAuth(io.env, target, "credentials");
    const client = createCheckedClient(createClient, clientOptions(settings, auth));
    let token: string;
    try {
      token = await untilInterrupted(client.authenticate(), io.interrupted);
    } catch (error) {
      // Classified here, not in run(), so that the hints know the target (start the mock?) and the credentials.
      const report = classifyError(error, {
        interrupted: io.interrupted,
        target,
        authKind: auth.placeholder ? undefined : auth.kind,
        purchaseSent: false,
      });
      writeError(io, "tf-orders login", report, json);
      return report.exitCode;
    }
    const printToken = values["print-token"] === true;

    const who = auth.kind === "credentials" && !auth.placeholder ? ` as ${auth.username}` : "";
    // Someone who set only TF_API_TOKEN expects it to be checked; say that it was not.
    const tokenIgnored = io.env[CREDENTIAL_ENV.token]
      ? `${CREDENTIAL_ENV.token} is not used, as it cannot be checked without placing an order; `
      : "";
    const message = auth.placeholder
      ? `login works on the mock at ${target.host} (placeholder credentials; ${tokenIgnored}set ${CREDENTIAL_ENV.username} and ${CREDENTIAL_ENV.password} to check yours)`
      : `credentials work: logged in to ${target.host}${who}`;

    if (json) {
      io.stdout(
        toJsonText({
          ok: true,
          host: target.host,
          mock: target.isMock,
          placeholder: auth.placeholder,
          ...(printToken ? { token } : {}),
        }),
      );
    } else if (printToken) {
      io.stdout(`${token}\n`);
      io.stderr(`${message}\n`);
    } else {
      io.stdout(`${message}\n`);
    }
    return ExitCode.Ok;
  },
};

/** `pending`, or a rejection as soon as `signal` aborts: a login buys nothing, so it is simply abandoned. */
function untilInterrupted<T>(pending: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  let onAbort!: () => void;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
  });
  return Promise.race([pending, aborted]).finally(() => signal.removeEventListener("abort", onAbort));
}

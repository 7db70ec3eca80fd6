import { CREDENTIAL_ENV } from "../auth/resolve-auth.js";
import { DEFAULT_MOCK_URL } from "../target/resolve-target.js";

/** The environment variables the CLI reads, as `--help` and the README describe them. */
export const ENVIRONMENT_HELP: ReadonlyArray<readonly [string, string]> = [
  [CREDENTIAL_ENV.token, "API token (sent raw in Authorization); used in preference to a login"],
  [CREDENTIAL_ENV.username, "portal user name (with API access), to log in"],
  [CREDENTIAL_ENV.password, "that user's password"],
  ["TF_API_BASE_URL", `API base URL; default: the local mock, ${DEFAULT_MOCK_URL}`],
  ["TF_MOCK_URL", `where the mock runs (loopback only); default: ${DEFAULT_MOCK_URL}`],
];

import {
  AuthenticationError,
  ConnectionError,
  createTollFreeClient,
  type Order,
  type OrderRequest,
} from "@tf-orders/client";

/** Who is signed in, where: what the page may show (never the token). */
export interface SessionInfo {
  /** The origin the token belongs to; it is never sent anywhere else. */
  readonly baseUrl: string;
  /** "a token", or the user name that logged in. */
  readonly who: string;
}

/** A sign-in that failed, in words for the person. Nothing secret is quoted. */
export class SignInError extends Error {
  override name = "SignInError";
}

/** Options of one purchase. */
export interface PurchaseOptions {
  /** A `Prefer` header for the mock (a documented error example); never sent to a billed target. */
  prefer?: string | undefined;
}

/** The desk's sign-in: the token in a closure, nowhere else. */
export interface Session {
  /** The current sign-in, or undefined. */
  readonly info: SessionInfo | undefined;
  /** Keeps a token the person pasted (trimmed: a copied token often ends in a newline). */
  useToken(baseUrl: string, token: string): SessionInfo;
  /** Logs in through the client and keeps only the token it returns; the password is not kept. */
  logIn(baseUrl: string, username: string, password: string): Promise<SessionInfo>;
  /** Buys with the token, if it belongs to `baseUrl`. */
  purchase(baseUrl: string, order: OrderRequest, options?: PurchaseOptions): Promise<Order>;
  /** Forgets the token. */
  signOut(): void;
}

/**
 * Keeps the token in memory only: not in storage, cookies, the URL or the page, and it dies with the tab.
 * A token is bound to the origin it was given for, so changing the target can never send it elsewhere.
 * A password goes to one login and is dropped: after a `401` the person signs in again.
 *
 * @example
 * ```ts
 * const session = createSession();
 * await session.logIn("http://127.0.0.1:4010", "noc@example.com", password);
 * const order = await session.purchase("http://127.0.0.1:4010", { quantity: 1, packageID: 1234567, serviceArea: 4 });
 * ```
 */
export function createSession(): Session {
  let current: { info: SessionInfo; token: string } | undefined;

  const keep = (baseUrl: string, token: string, who: string): SessionInfo => {
    // The client refuses a token HTTP cannot carry; checking here tells the person now, not at the purchase.
    try {
      createTollFreeClient({ baseUrl, token });
    } catch (error) {
      throw new SignInError((error as Error).message);
    }
    current = { info: { baseUrl, who }, token };
    return current.info;
  };

  return {
    get info() {
      return current?.info;
    },
    useToken(baseUrl, token) {
      const trimmed = token.trim();
      if (trimmed === "") throw new SignInError("Paste a token first.");
      return keep(baseUrl, trimmed, "a token");
    },
    async logIn(baseUrl, username, password) {
      if (username.trim() === "" || password === "") throw new SignInError("Enter a username and a password.");
      let token: string;
      try {
        token = await createTollFreeClient({
          baseUrl,
          credentials: { username: username.trim(), password },
        }).authenticate();
      } catch (error) {
        throw new SignInError(loginFailure(error, baseUrl));
      }
      return keep(baseUrl, token, username.trim());
    },
    async purchase(baseUrl, order, { prefer } = {}) {
      if (current === undefined || current.info.baseUrl !== baseUrl)
        throw new SignInError(`Sign in to ${baseUrl} first.`);
      const client = createTollFreeClient({
        baseUrl,
        token: current.token,
        ...(prefer === undefined ? {} : { headers: { Prefer: prefer } }),
      });
      return client.purchaseTollFreeNumbers(order);
    },
    signOut() {
      current = undefined;
    },
  };
}

/** Why a login failed, for the person: the client's messages never hold the password. */
function loginFailure(error: unknown, baseUrl: string): string {
  if (error instanceof AuthenticationError) return "The server refused this username and password.";
  if (error instanceof ConnectionError)
    return `Could not reach ${baseUrl} (${error.message}) If it is the mock, is it running? Start it with npm run mock.`;
  return error instanceof Error ? error.message : String(error);
}

import {
  AuthenticationError,
  ConnectionError,
  type Issue,
  NotAcceptableError,
  type Order,
  type OrderRequest,
  outcomeUnknownAdvice,
  PaymentRequiredError,
  UnexpectedResponseError,
  UnprocessableEntityError,
  ValidationError,
} from "@tf-orders/client";
import { SignInError } from "./session.ts";

/** What became of one attempt to place an order, in the terms the desk shows it. */
export type Verdict =
  | { kind: "placed"; order: Order }
  /** 401: nothing was processed; the token is dead. */
  | { kind: "sign-in-again"; reason: AuthenticationError["reason"]; message: string }
  /** 402: a trial limit; nothing was bought. */
  | {
      kind: "trial-limit";
      limit: "trial-limit-realized" | "trial-limit-exceeded" | undefined;
      seats: number | undefined;
      message: string;
    }
  /** 422 from the server: `parameter` names the field. Nothing was bought. */
  | { kind: "unprocessable"; parameter: string | undefined; message: string }
  /** The client refused to send (it validates again): nothing was sent. */
  | { kind: "invalid"; issues: readonly Issue[] }
  /** 406, another documented 4xx, or a request that provably never left: nothing was bought. */
  | { kind: "refused"; status: number | undefined; message: string }
  /** Timeout, dropped connection, 5xx, an unreadable answer, or anything the desk cannot prove harmless. */
  | { kind: "unknown"; message: string };

/** A failure that left nothing bought: the form opens again. */
export type Refusal = Exclude<Verdict, { kind: "placed" | "unknown" }>;

/**
 * Sorts a purchase's failure into what the desk tells the person. Anything not proven harmless is an
 * unknown outcome: an error the client does not describe may have come after the order left.
 */
export function verdictOf(error: unknown): Verdict {
  if (error instanceof AuthenticationError)
    return { kind: "sign-in-again", reason: error.reason, message: error.message };
  // Refused before anything was sent: no token for this target.
  if (error instanceof SignInError) return { kind: "sign-in-again", reason: "unauthorized", message: error.message };
  if (error instanceof PaymentRequiredError)
    return { kind: "trial-limit", limit: error.kind, seats: error.seats, message: error.message };
  if (error instanceof UnprocessableEntityError)
    return { kind: "unprocessable", parameter: error.parameter, message: error.message };
  if (error instanceof ValidationError) return { kind: "invalid", issues: error.errors };
  if (error instanceof NotAcceptableError) return { kind: "refused", status: error.status, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  if ((error instanceof ConnectionError || error instanceof UnexpectedResponseError) && !error.outcomeUnknown)
    return { kind: "refused", status: error.status, message };
  return { kind: "unknown", message: message.replace(` ${outcomeUnknownAdvice}`, "") };
}

/** Where the desk is with the current order. */
export type Phase =
  /** The form is open; `refused` is the previous attempt, when it failed (nothing was bought). */
  | { kind: "editing"; refused?: { order: OrderRequest; verdict: Refusal } }
  /** A billed target: the order waits for the person to confirm its summary; `back` is where cancel returns. */
  | { kind: "confirming"; order: OrderRequest; back: Phase }
  | { kind: "sending"; order: OrderRequest }
  /** Bought. The same order cannot be placed again; only a new one. */
  | { kind: "placed"; order: OrderRequest; result: Order }
  /** May have been bought. Locked until the person checked and resends on purpose, or starts a new order. */
  | { kind: "unknown"; order: OrderRequest; message: string };

/** What {@link createPlacement} needs: how to buy, and whether the target bills. */
export interface PlacementOptions {
  buy(order: OrderRequest): Promise<Order>;
  /** True when the order must be confirmed first (a billed target); read at each request. */
  billed(): boolean;
  /** Called on every change of phase. */
  onChange(phase: Phase): void;
}

/** The order lifecycle of the desk. Every method ignores a call that its phase does not allow. */
export interface Placement {
  readonly phase: Phase;
  /** Place an order (through `confirming` on a billed target). Ignored unless editing. */
  request(order: OrderRequest): Promise<void>;
  /** The person confirmed the billed order's summary. */
  confirm(): Promise<void>;
  /** The person declined the billed order's summary. */
  cancel(): void;
  /** After an unknown outcome: the person checked their orders and sends the same order again, on purpose. */
  resendChecked(): Promise<void>;
  /** Leave a placed order or an unknown outcome for a new order. */
  startNew(): void;
}

/**
 * The rules that keep a purchase from happening twice by accident, apart from the page so they can be
 * tested alone: one order in flight at a time (the phase changes before anything is awaited, so a double
 * click, a second Enter or a click on the confirmation during sending is ignored); a placed order and an
 * order whose outcome is unknown lock the form; only a 4xx the API documents (nothing bought) returns to
 * editing.
 *
 * @example
 * ```ts
 * const placement = createPlacement({ buy: (order) => client.purchaseTollFreeNumbers(order), billed: () => false, onChange: render });
 * await placement.request(order);
 * ```
 */
export function createPlacement(options: PlacementOptions): Placement {
  let phase: Phase = { kind: "editing" };
  const enter = (next: Phase) => {
    phase = next;
    options.onChange(phase);
  };
  const send = async (order: OrderRequest) => {
    enter({ kind: "sending", order });
    let verdict: Verdict;
    try {
      verdict = { kind: "placed", order: await options.buy(order) };
    } catch (error) {
      verdict = verdictOf(error);
    }
    if (verdict.kind === "placed") enter({ kind: "placed", order, result: verdict.order });
    else if (verdict.kind === "unknown") enter({ kind: "unknown", order, message: verdict.message });
    else enter({ kind: "editing", refused: { order, verdict } });
  };
  const orConfirm = (order: OrderRequest) =>
    options.billed() ? Promise.resolve(enter({ kind: "confirming", order, back: phase })) : send(order);

  return {
    get phase() {
      return phase;
    },
    request: async (order) => {
      if (phase.kind === "editing") await orConfirm(order);
    },
    confirm: async () => {
      if (phase.kind === "confirming") await send(phase.order);
    },
    cancel: () => {
      if (phase.kind === "confirming") enter(phase.back);
    },
    resendChecked: async () => {
      if (phase.kind === "unknown") await orConfirm(phase.order);
    },
    startNew: () => {
      if (phase.kind === "placed" || phase.kind === "unknown") enter({ kind: "editing" });
    },
  };
}

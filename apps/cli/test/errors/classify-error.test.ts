import {
  AuthenticationError,
  ConnectionError,
  NotAcceptableError,
  PaymentRequiredError,
  TimeoutError,
  UnexpectedResponseError,
  UnprocessableEntityError,
  ValidationError,
} from '@tf-orders/client';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/errors/cli-error.js';
import { classifyError, OUTCOME_UNKNOWN_HINT } from '../../src/errors/classify-error.js';
import { ExitCode } from '../../src/exit-codes.js';
import type { Target } from '../../src/target/resolve-target.js';

const mock: Target = { baseUrl: 'http://127.0.0.1:4010', host: '127.0.0.1:4010', isMock: true };
const real: Target = { baseUrl: 'https://customer.intelepeer.com', host: 'customer.intelepeer.com', isMock: false };

describe('classifyError', () => {
  it.each([
    ['a CliError keeps its own code', new CliError(ExitCode.Usage, 'bad flag', '--x'), false, ExitCode.Usage],
    ['ValidationError', new ValidationError([{ parameter: 'packageID', message: "The 'packageID' parameter is required." }]), false, ExitCode.Usage],
    ['AuthenticationError (unauthorized)', new AuthenticationError('Unauthorized'), true, ExitCode.Authentication],
    ['AuthenticationError (session expired)', new AuthenticationError('Session Expired'), true, ExitCode.Authentication],
    ['PaymentRequiredError', new PaymentRequiredError('Order too large; trial limit exceeded. Available: 3 seats.'), true, ExitCode.PaymentRequired],
    ['NotAcceptableError', new NotAcceptableError('Not Acceptable'), true, ExitCode.ApiError],
    ['UnprocessableEntityError', new UnprocessableEntityError("The 'serviceArea' parameter must be scalar."), true, ExitCode.ApiError],
    ['UnexpectedResponseError with a known outcome', new UnexpectedResponseError('HTTP 404', false, { status: 404 }), true, ExitCode.ApiError],
    ['UnexpectedResponseError with an unknown outcome', new UnexpectedResponseError('HTTP 502', true, { status: 502 }), true, ExitCode.OutcomeUnknown],
    ['ConnectionError after sending', new ConnectionError('dropped', true), true, ExitCode.OutcomeUnknown],
    ['TimeoutError after sending', new TimeoutError('timed out', true), true, ExitCode.OutcomeUnknown],
    ['ConnectionError before sending', new ConnectionError('refused', false), true, ExitCode.Unreachable],
    ['TimeoutError of a login', new TimeoutError('timed out', false), false, ExitCode.Unreachable],
    ['a dropped connection outside any purchase (tf-orders login)', new ConnectionError('dropped', true), false, ExitCode.Unreachable],
    ['an unexpected answer outside any purchase', new UnexpectedResponseError('HTTP 502', true, { status: 502 }), false, ExitCode.ApiError],
    ['an unknown error while a purchase was in flight', new TypeError('boom'), true, ExitCode.OutcomeUnknown],
    ['an unknown error with no purchase in flight', new TypeError('boom'), false, ExitCode.Internal],
  ])('%s', (_name, error, purchaseSent, exitCode) => {
    expect(classifyError(error, { target: real, purchaseSent }).exitCode).toBe(exitCode);
  });

  it('passes the server message and the parameter it names', () => {
    const report = classifyError(new UnprocessableEntityError("The 'serviceArea' parameter must be scalar.", { status: 422 }), { target: real, purchaseSent: true });
    expect(report).toMatchObject({ status: 422, parameter: 'serviceArea', message: expect.stringContaining("The 'serviceArea' parameter must be scalar.") });
  });

  it.each([
    ['a ConnectionError', new ConnectionError('dropped', true)],
    ['a foreign error', new Error('socket hang up')],
  ])('tells the operator to check orders before retrying after %s', (_name, error) => {
    expect(classifyError(error, { target: real, purchaseSent: true })).toMatchObject({ hint: OUTCOME_UNKNOWN_HINT, outcomeUnknown: true });
  });

  it.each([
    [mock, /npm run mock/],
    [real, /check --base-url/],
  ])('hints where to look when %o cannot be reached', (target, hint) => {
    expect(classifyError(new ConnectionError('refused', false), { target, purchaseSent: true }).hint).toMatch(hint);
  });
});

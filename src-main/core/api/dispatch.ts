import { z } from 'zod';
import { isRequestName, requests, type ParsedRequestInput, type RequestName, type RequestOutput } from '../../../src-shared/api/requests';
import { ApiError, type ApiResult } from '../../../src-shared/api/result';

export type Handlers = {
  [N in RequestName]: (input: ParsedRequestInput<N>) => RequestOutput<N> | Promise<RequestOutput<N>>;
};

/**
 * The one gate between a renderer and the core: unknown names and inputs that fail the contract's
 * schema are answered with an error and never reach a handler. Internal errors are logged here and
 * reach the renderer without their stack.
 */
export function createDispatcher(handlers: Handlers, log: (message: string, error: unknown) => void) {
  return async function dispatch(name: string, input: unknown): Promise<ApiResult<unknown>> {
    if (!isRequestName(name)) return failure('unknown_request', `Unknown request "${name}".`);
    const parsed = requests[name].input.safeParse(input ?? {});
    if (!parsed.success) return failure('invalid_input', z.prettifyError(parsed.error));
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof ApiError) return failure(error.code, error.message);
      log(`request ${name} failed`, error);
      return failure('internal', 'Something went wrong on this PC; the error was logged.');
    }
  };
}

function failure(code: ApiError['code'], message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

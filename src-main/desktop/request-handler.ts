import type { ApiResult } from '../../src-shared/api/result';
import type { Core } from '../core/core.types';

export type RequestHandler = (
  senderUrl: string | undefined,
  name: unknown,
  input: unknown,
) => Promise<ApiResult<unknown>>;

/**
 * The decision behind the IPC request channel, without Electron so it can be tested: only the app's
 * own page reaches the core, and whatever happens the renderer gets an envelope, never a thrown
 * error, because errors lose their shape crossing IPC.
 */
export function createRequestHandler(
  core: Pick<Core, 'dispatch'>,
  isTrustedSender: (senderUrl: string | undefined) => boolean,
): RequestHandler {
  return async (senderUrl, name, input) => {
    if (!isTrustedSender(senderUrl)) {
      return { ok: false, error: { code: 'internal', message: 'untrusted sender' } };
    }
    if (typeof name !== 'string') {
      return { ok: false, error: { code: 'unknown_request', message: 'request name must be a string' } };
    }
    try {
      return await core.dispatch(name, input);
    } catch (error) {
      // dispatch promises never to throw; if it does anyway, keep the details in main's log only.
      console.error(`Switchboard: request ${name} failed unexpectedly`, error);
      return { ok: false, error: { code: 'internal', message: 'internal error' } };
    }
  };
}

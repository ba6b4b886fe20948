import { ConnectionLostError } from '../transport/connection-lost-error';

const MAX_ATTEMPTS = 3;

/**
 * Sends a request again when the connection dropped before its answer came. Only for requests main
 * recognizes by their clientId, which return what the first attempt saved instead of saving it twice.
 */
export async function resendOnConnectionLoss<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof ConnectionLostError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

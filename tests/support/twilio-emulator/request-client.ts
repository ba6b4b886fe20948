import twilio from 'twilio';

type RequestOptions<TData> = Parameters<twilio.RequestClient['request']>[0] & { data?: TData };

export const TWILIO_API_ORIGIN = 'https://api.twilio.com';

/** The twilio package's own HTTP client, with api.twilio.com swapped for the emulator's address. */
export class EmulatorRequestClient extends twilio.RequestClient {
  constructor(private readonly emulatorOrigin: string) {
    super();
  }

  override request<TData>(opts: RequestOptions<TData>) {
    return super.request<TData>({ ...opts, uri: rewriteOrigin(opts.uri, this.emulatorOrigin) });
  }
}

/** A fetch that sends Twilio media URLs to the emulator. */
export function emulatorFetch(emulatorOrigin: string): typeof fetch {
  return (input, init) => fetch(rewriteOrigin(String(input instanceof Request ? input.url : input), emulatorOrigin), init);
}

function rewriteOrigin(uri: string, emulatorOrigin: string): string {
  return uri.startsWith(TWILIO_API_ORIGIN) ? emulatorOrigin + uri.slice(TWILIO_API_ORIGIN.length) : uri;
}

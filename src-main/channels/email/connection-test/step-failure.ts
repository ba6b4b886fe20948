/** A step failed for a reason already put in words for the person setting up the account. */
export class StepFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StepFailure';
  }
}

/** The server's own words, quoted after a failure, when it gave any. */
export function serverSaid(text: unknown): string {
  return typeof text === 'string' && text ? ` (the server said “${text}”)` : '';
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

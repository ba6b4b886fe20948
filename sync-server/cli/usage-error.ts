/** A mistake in the command line: reported with the usage text and exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function integerOption(name: string, value: string, min: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new UsageError(`--${name} must be a whole number of at least ${min}, not "${value}".`);
  return number;
}

export function requiredOption(name: string, value: string | undefined, placeholder: string): string {
  if (value === undefined || value === '') throw new UsageError(`Missing --${name} ${placeholder}.`);
  return value;
}

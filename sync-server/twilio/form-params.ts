/** A webhook's form fields as Twilio's signature algorithm reads them: a repeated key keeps every value. */
export type FormParams = Record<string, string | string[]>;

export function parseForm(body: string): FormParams {
  const params: FormParams = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const existing = params[key];
    if (existing === undefined) params[key] = value;
    else params[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return params;
}

/** The first value of a field, or null when it is absent. Unknown fields are simply never asked for. */
export function param(params: FormParams, key: string): string | null {
  const value = params[key];
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

/** The path of a request target, without its query; '' for a target that is not a URL at all. */
export function requestPath(target: string | undefined): string {
  try {
    return new URL(target ?? '/', 'http://localhost').pathname;
  } catch {
    return '';
  }
}

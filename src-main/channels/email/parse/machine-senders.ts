// Matched on the raw From header, not the parsed address: bounces are often sent as `MAILER-DAEMON <>`,
// which has no address for the parser to give.
const DELIVERY_DAEMON = /(?:^|[\s<"'(])(?:mailer-daemon|mail-daemon|mailerdaemon|postmaster)(?=[@\s>"')]|$)/i;
const NO_REPLY = /(?:^|[\s<"'(])(?:no-?reply|do-?not-?reply|bounces?)(?:[+._-][^@\s<>]*)?@/i;

/** The mail system itself: the sender of delivery reports. */
export function isDeliveryDaemon(fromHeader: string | null): boolean {
  return fromHeader !== null && DELIVERY_DAEMON.test(fromHeader);
}

/** A sender no person reads replies to: the mail system, or a no-reply notification address. */
export function isMachineSender(fromHeader: string | null): boolean {
  return fromHeader !== null && (DELIVERY_DAEMON.test(fromHeader) || NO_REPLY.test(fromHeader));
}

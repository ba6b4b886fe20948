import type { DeliveryStatus } from '../../../../src-shared/domain/timeline';
import { candidateIds } from './address';
import { longToNumber } from './timestamp';
import type { WhatsAppItem } from './whatsapp-item';
import type { WaReceipt } from './wa-payload';

/**
 * `message-receipt.update`: one recipient's receipt (groups send one per participant). The furthest
 * moment it names is the status; the entry keeps the furthest status of all of them.
 */
export function normalizeReceipts(receipts: readonly WaReceipt[], now: number): WhatsAppItem[] {
  return receipts.map(({ key, receipt }) => {
    const targetIds = candidateIds(key);
    const status = receiptStatus(receipt);
    if (targetIds.length === 0 || !status) return { type: 'skip', reason: 'a receipt that names no message or moment' };
    const at = (status.seconds ?? 0) * 1000 || now;
    return { type: 'change', change: { kind: 'status', targetIds, status: status.status, at } };
  });
}

function receiptStatus(receipt: WaReceipt['receipt']): { status: DeliveryStatus; seconds: number | null } | null {
  const moments: Array<[DeliveryStatus, WaReceipt['receipt']['receiptTimestamp']]> = [
    ['played', receipt.playedTimestamp],
    ['read', receipt.readTimestamp],
    ['delivered', receipt.receiptTimestamp],
  ];
  for (const [status, moment] of moments) {
    const seconds = longToNumber(moment);
    if (seconds) return { status, seconds };
  }
  return null;
}

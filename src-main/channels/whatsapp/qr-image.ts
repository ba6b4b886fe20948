import QRCode from 'qrcode';
import type { WhatsAppQr } from '../../../src-shared/domain/whatsapp-link';

/** The QR of `connection.update` as an SVG data URL: drawn here, so Settings needs no QR code of its own. */
export async function qrImage(value: string): Promise<WhatsAppQr> {
  const svg = await QRCode.toString(value, { type: 'svg', errorCorrectionLevel: 'L', margin: 2 });
  return { value, image: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

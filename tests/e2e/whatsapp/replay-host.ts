// The end-to-end tests' own entry to `switchboard host`: the same command, with the WhatsApp socket
// replaced by one that replays ../shared/corpus/whatsapp. Production entries never reach this file.
import * as baileys from '@whiskeysockets/baileys';
import QRCode from 'qrcode';
import { whatsappChannelHooks } from '../../../src-main/channels/whatsapp/whatsapp-channel-hooks';
import { hostCommand } from '../../../src-main/host/cli/host-command';
import { replaySocketMaker, type ReplayPlan } from './replay-socket';

const plan = JSON.parse(process.env.SWITCHBOARD_E2E_WHATSAPP_PLAN ?? '{}') as ReplayPlan;

/**
 * WhatsApp's media CDN is not reachable here, so a photo "downloads" as a PNG drawn now; every other
 * file fails as expired media would, and stays a file without content.
 */
const downloadMediaMessage = (async (message: baileys.WAMessage) => {
  if (!message.message?.imageMessage) throw new Error('Request failed with status code 410');
  return QRCode.toBuffer(`Photo ${message.key.id}`, { type: 'png', width: 240, color: { dark: '#1f6f8b', light: '#e8f4f8' } });
}) as typeof baileys.downloadMediaMessage;

// Called as `replay-host.ts host --data …`, like `switchboard host --data …`.
process.exitCode = await hostCommand(process.argv.slice(3), whatsappChannelHooks(replaySocketMaker(plan), { ...baileys, downloadMediaMessage }));

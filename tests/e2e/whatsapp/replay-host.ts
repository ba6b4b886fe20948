// The end-to-end tests' own entry to `switchboard host`: the same command, with the WhatsApp socket
// replaced by one that replays ../shared/corpus/whatsapp. Production entries never reach this file.
import * as baileys from '@whiskeysockets/baileys';
import { whatsappChannelHooks } from '../../../src-main/channels/whatsapp/whatsapp-channel-hooks';
import { hostCommand } from '../../../src-main/host/cli/host-command';
import { replaySocketMaker, type ReplayPlan } from './replay-socket';

const plan = JSON.parse(process.env.SWITCHBOARD_E2E_WHATSAPP_PLAN ?? '{}') as ReplayPlan;
// Called as `replay-host.ts host --data …`, like `switchboard host --data …`.
process.exitCode = await hostCommand(process.argv.slice(3), whatsappChannelHooks(replaySocketMaker(plan), baileys));

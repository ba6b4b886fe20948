import type { Channel } from '../../src-shared/domain/timeline';

export const CHANNEL_LABELS: Record<Channel, string> = {
  sms: 'SMS',
  email: 'Email',
  whatsapp: 'WhatsApp',
  voice: 'Call',
  internal: 'Internal',
};

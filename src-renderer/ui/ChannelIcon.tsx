import type { Channel } from '../../src-shared/domain/timeline';
import { CHANNEL_LABELS } from '../format/channel-label';

/** 16×16 outline glyphs drawn inline: the CSP forbids remote images and icon fonts. */
const PATHS: Record<Channel, string> = {
  sms: 'M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z',
  email: 'M2 4h12v8H2z M2 4l6 4.5L14 4',
  whatsapp:
    'M8 2a6 6 0 0 0-5.2 9L2 14l3.1-.8A6 6 0 1 0 8 2z M6 5.5c0 2.6 1.9 4.5 4.5 4.5l.7-1.2-1.4-.7-.6.6c-.8-.3-1.4-.9-1.7-1.7l.6-.6-.7-1.4z',
  voice:
    'M4.5 2.5l2 2.5-1.2 1.4a7 7 0 0 0 4.3 4.3L11 9.5l2.5 2-1 2c-5.3 0-10-4.7-10-10z',
  internal: 'M3 2.5h7l3 3v8H3z M10 2.5v3h3 M5.5 8.5h5 M5.5 11h3.5',
};

export function ChannelIcon({ channel }: { channel: Channel }) {
  const label = CHANNEL_LABELS[channel];
  return (
    <svg
      className={`channel-icon channel-icon--${channel}`}
      viewBox="0 0 16 16"
      width="14"
      height="14"
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      <path d={PATHS[channel]} fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
    </svg>
  );
}

import type { CallDetails, Channel, Direction } from '../../../src-shared/domain/timeline';
import type { IdentityKey } from '../../../src-shared/identity/resolve';

/** The sample workspace a newcomer sees with `--demo`: a small plumbing and heating shop's week. */
export const DEMO_WORKSPACE = {
  name: 'Northside Plumbing & Heating',
  defaultRegion: 'US',
  self: { name: 'Dana Whitfield', email: 'dana@northside-plumbing.example', role: 'owner' as const },
  others: [
    { name: 'Luis Ortega', email: 'luis@northside-plumbing.example', role: 'agent' as const },
    { name: 'Priya Shah', email: 'priya@northside-plumbing.example', role: 'manager' as const },
  ],
};

export type DemoStep =
  | {
      type: 'message';
      channel: Exclude<Channel, 'internal' | 'voice'>;
      direction: Direction;
      minutesAgo: number;
      body: string;
      subject?: string;
      attachment?: { filename: string; contentType: string; size: number };
      status?: 'delivered' | 'read' | 'sent';
    }
  | { type: 'call'; direction: Direction; minutesAgo: number; call: CallDetails }
  | { type: 'note'; author: 'self' | 'Luis Ortega' | 'Priya Shah'; minutesAgo: number; body: string }
  | { type: 'system'; minutesAgo: number; body: string };

export interface DemoCustomer {
  name: string | null;
  company?: string;
  address?: string;
  identities: IdentityKey[];
  assignee?: 'self' | 'Luis Ortega' | 'Priya Shah';
  readAll?: boolean;
  steps: DemoStep[];
}

const HOUR = 60;
const DAY = 24 * HOUR;

export const DEMO_CUSTOMERS: DemoCustomer[] = [
  {
    name: 'Maria Gonzalez',
    address: '418 Elm Street, Brooklyn, NY 11215',
    identities: [
      { kind: 'phone', value: '+12125550147' },
      { kind: 'email', value: 'maria.gonzalez@example.com' },
    ],
    assignee: 'self',
    steps: [
      {
        type: 'message',
        channel: 'email',
        direction: 'inbound',
        minutesAgo: DAY + 5 * HOUR,
        subject: 'Water heater making a popping noise',
        body: 'Hello, our water heater has been making a loud popping noise for a few days and the water is only lukewarm. It is a 40 gallon tank, about 11 years old. Photo attached. Could you take a look this week?\n\nThanks,\nMaria',
        attachment: { filename: 'water-heater.jpg', contentType: 'image/jpeg', size: 248_112 },
      },
      {
        type: 'message',
        channel: 'email',
        direction: 'outbound',
        minutesAgo: DAY + 4 * HOUR,
        subject: 'Re: Water heater making a popping noise',
        body: 'Hi Maria, popping usually means sediment build-up; at 11 years the tank may be near the end of its life. We can come Thursday morning for an inspection ($89, credited toward any repair). — Dana, Northside Plumbing & Heating',
        status: 'delivered',
      },
      { type: 'note', author: 'Luis Ortega', minutesAgo: DAY + 3 * HOUR, body: 'If the tank is failing, quote the 50 gal Bradford White — she mentioned a new bathroom upstairs.' },
      { type: 'message', channel: 'sms', direction: 'inbound', minutesAgo: 2 * HOUR, body: 'Hi, it\'s Maria on Elm St. The water heater is leaking from the bottom now, there\'s water on the basement floor. Can someone come today?' },
      { type: 'message', channel: 'sms', direction: 'outbound', minutesAgo: 2 * HOUR - 6, body: 'Hi Maria, Dana here. Please turn the cold supply valve on top of the heater clockwise to stop the leak. Luis can be there between 2 and 4pm today.', status: 'delivered' },
      { type: 'message', channel: 'sms', direction: 'inbound', minutesAgo: 38, body: 'Valve is off, thank you!! 2-4 works. Gate code is 4471.' },
    ],
  },
  {
    name: 'Tom Becker',
    company: 'Becker Property Management',
    address: '22 Atlantic Ave, Brooklyn, NY 11201',
    identities: [{ kind: 'email', value: 'tom@beckerpm.example' }],
    assignee: 'Priya Shah',
    steps: [
      {
        type: 'message',
        channel: 'email',
        direction: 'inbound',
        minutesAgo: 3 * DAY,
        subject: 'Quote request: annual boiler service, 3 buildings',
        body: 'Hi team, we manage three walk-ups on Atlantic Ave (12, 16 and 22). Could you send a quote for annual boiler service and a backflow test for each? We would like it done before the end of the month.\n\nBest,\nTom Becker',
      },
      { type: 'note', author: 'Priya Shah', minutesAgo: 3 * DAY - 2 * HOUR, body: 'Three Weil-McLain boilers per the 2024 job notes. Quote $340 each + $95 backflow. Offer a multi-building discount of 10%.' },
      {
        type: 'message',
        channel: 'email',
        direction: 'outbound',
        minutesAgo: 2 * DAY,
        subject: 'Re: Quote request: annual boiler service, 3 buildings',
        body: 'Hi Tom, attached is our quote for the three buildings: $1,197 total including backflow tests, with a 10% multi-building discount. We can schedule the week of the 24th. — Priya',
        attachment: { filename: 'Quote-1043-Becker-PM.pdf', contentType: 'application/pdf', size: 84_211 },
        status: 'delivered',
      },
      {
        type: 'message',
        channel: 'email',
        direction: 'inbound',
        minutesAgo: 5 * HOUR,
        subject: 'Re: Quote request: annual boiler service, 3 buildings',
        body: 'Thanks Priya, approved. Please book the 24th and 25th. The super, Ray, will meet your tech: (718) 555-0182.',
      },
    ],
  },
  {
    name: null,
    identities: [{ kind: 'phone', value: '+12125550199' }],
    steps: [
      { type: 'call', direction: 'inbound', minutesAgo: 95, call: { durationSec: 0, outcome: 'missed', recordingUrl: null, transcription: null } },
      {
        type: 'call',
        direction: 'inbound',
        minutesAgo: 80,
        call: {
          durationSec: 34,
          outcome: 'voicemail',
          recordingUrl: null,
          transcription: 'Hi, I got your number from a neighbor. Our furnace stopped working overnight and it is getting cold, please call me back.',
        },
      },
    ],
  },
  {
    name: 'Aisha Rahman',
    address: '77 Prospect Park West, Brooklyn, NY 11215',
    identities: [
      { kind: 'whatsapp', value: '447700900321@s.whatsapp.net' },
      { kind: 'phone', value: '+447700900321' },
    ],
    assignee: 'Luis Ortega',
    readAll: true,
    steps: [
      { type: 'message', channel: 'whatsapp', direction: 'inbound', minutesAgo: 2 * DAY + 3 * HOUR, body: 'Hello! Is it possible to get the AC serviced before our guests arrive on Saturday?' },
      { type: 'message', channel: 'whatsapp', direction: 'outbound', minutesAgo: 2 * DAY + 2 * HOUR, body: 'Hi Aisha, yes — Luis can come Friday at 9am. It takes about an hour.', status: 'read' },
      { type: 'system', minutesAgo: DAY + 20 * HOUR, body: 'Job #2291 marked complete by Luis Ortega' },
      { type: 'message', channel: 'whatsapp', direction: 'inbound', minutesAgo: DAY + 18 * HOUR, body: 'Thanks for fixing the AC so quickly! It is blowing cold again 🙌' },
      { type: 'message', channel: 'whatsapp', direction: 'outbound', minutesAgo: DAY + 17 * HOUR, body: 'Glad to hear it! Enjoy the weekend.', status: 'read' },
    ],
  },
  {
    name: 'Greg Novak',
    address: '9 Garfield Place, Brooklyn, NY 11215',
    identities: [{ kind: 'phone', value: '+17185550133' }],
    assignee: 'self',
    readAll: true,
    steps: [
      { type: 'call', direction: 'inbound', minutesAgo: 4 * DAY, call: { durationSec: 252, outcome: 'answered', recordingUrl: null, transcription: null } },
      { type: 'note', author: 'self', minutesAgo: 4 * DAY - 10, body: 'Wants an estimate to repipe the whole house (1920s galvanized). Site visit booked Tuesday 10am.' },
      { type: 'message', channel: 'sms', direction: 'outbound', minutesAgo: 3 * DAY, body: 'Hi Greg, confirming our site visit Tuesday at 10am for the repiping estimate. Reply C to confirm.', status: 'delivered' },
      { type: 'message', channel: 'sms', direction: 'inbound', minutesAgo: 3 * DAY - 30, body: 'C' },
    ],
  },
  {
    name: 'Jenny Lee',
    company: 'Sunrise Café',
    address: '301 7th Ave, Brooklyn, NY 11215',
    identities: [
      { kind: 'email', value: 'jenny@sunrisecafe.example' },
      { kind: 'phone', value: '+17185550164' },
    ],
    steps: [
      {
        type: 'message',
        channel: 'email',
        direction: 'inbound',
        minutesAgo: 26 * HOUR,
        subject: 'Grease trap overflowing',
        body: 'Hi, our grease trap backed up during the lunch rush. The health inspector comes next week. Do you do emergency pump-outs? We close at 6pm.',
      },
      { type: 'system', minutesAgo: 25 * HOUR, body: 'Marked as needing a quote' },
      { type: 'message', channel: 'sms', direction: 'inbound', minutesAgo: 20, body: 'Hi it\'s Jenny from Sunrise Café, just following up on my email about the grease trap?' },
    ],
  },
  {
    name: 'Carlos Mendez',
    identities: [{ kind: 'whatsapp', value: '13475550110@s.whatsapp.net' }],
    steps: [
      {
        type: 'message',
        channel: 'whatsapp',
        direction: 'inbound',
        minutesAgo: 7 * HOUR,
        body: 'Kitchen sink is completely clogged, tried a plunger already. Photo attached',
        attachment: { filename: 'sink.jpg', contentType: 'image/jpeg', size: 181_420 },
      },
    ],
  },
  {
    name: 'Robert Chen',
    address: '15 Berkeley Place, Brooklyn, NY 11217',
    identities: [{ kind: 'phone', value: '+13475550123' }],
    readAll: true,
    steps: [
      { type: 'message', channel: 'sms', direction: 'outbound', minutesAgo: 6 * DAY, body: 'Hi Robert, it has been a year since your last furnace tune-up. Want us to book one before the cold weather? Reply YES and we will call you.', status: 'delivered' },
      { type: 'message', channel: 'sms', direction: 'inbound', minutesAgo: 6 * DAY - 45, body: 'YES — any weekday after 3pm works' },
      { type: 'call', direction: 'outbound', minutesAgo: 5 * DAY, call: { durationSec: 131, outcome: 'answered', recordingUrl: null, transcription: null } },
      { type: 'message', channel: 'sms', direction: 'outbound', minutesAgo: 5 * DAY - 5, body: 'Booked: Thursday 3:30pm, furnace tune-up. See you then!', status: 'delivered' },
    ],
  },
];

import { normalizeEmail } from '../../../../src-shared/identity/email';
import type { CalendarCard, EmailAddress, EmailAttachment } from './parsed-email';

interface Property {
  name: string;
  params: Map<string, string>;
  value: string;
}

/**
 * The invitation card of a message's calendar part (text/calendar, or an .ics attachment), read from
 * the first VEVENT. Only the handful of properties a card shows are read, so a small reader does
 * instead of a full iCalendar library; recurrence and alarms are left to the user's calendar.
 */
export function readCalendar(attachments: EmailAttachment[]): CalendarCard | null {
  const part =
    attachments.find((a) => a.contentType === 'text/calendar') ??
    attachments.find((a) => a.contentType === 'application/ics' || /\.ics$/i.test(a.filename ?? ''));
  if (!part) return null;
  const properties = readProperties(new TextDecoder().decode(part.content));
  const event = eventProperties(properties);
  if (!event) return null;
  const get = (name: string) => event.find((p) => p.name === name);
  const start = get('DTSTART');
  const end = get('DTEND');
  const organizer = get('ORGANIZER');
  return {
    method: properties.find((p) => p.name === 'METHOD')?.value.toUpperCase() ?? null,
    summary: text(get('SUMMARY')),
    start: start ? readTime(start) : null,
    end: end ? readTime(end) : null,
    allDay: start?.params.get('VALUE') === 'DATE' || /^\d{8}$/.test(start?.value ?? ''),
    location: text(get('LOCATION')),
    organizer: organizer ? readOrganizer(organizer) : null,
  };
}

/** Content lines, unfolded (RFC 5545 §3.1: a line starting with a space or tab continues the previous one). */
function readProperties(ics: string): Property[] {
  return ics
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r?\n/)
    .flatMap((line) => {
      const match = /^([A-Za-z0-9-]+)((?:;[^:]*)?):(.*)$/.exec(line);
      if (!match) return [];
      const params = new Map<string, string>();
      for (const param of (match[2] ?? '').split(';').slice(1)) {
        const eq = param.indexOf('=');
        if (eq > 0) params.set(param.slice(0, eq).toUpperCase(), param.slice(eq + 1).replace(/^"|"$/g, ''));
      }
      return [{ name: (match[1] ?? '').toUpperCase(), params, value: match[3] ?? '' }];
    });
}

/** The first VEVENT's own properties: those of components nested in it (VALARM) are not the event's. */
function eventProperties(properties: Property[]): Property[] | null {
  const begin = properties.findIndex((p) => p.name === 'BEGIN' && p.value.toUpperCase() === 'VEVENT');
  if (begin < 0) return null;
  const own: Property[] = [];
  let depth = 0;
  for (const property of properties.slice(begin + 1)) {
    if (property.name === 'BEGIN') depth++;
    else if (property.name === 'END' && depth === 0) break;
    else if (property.name === 'END') depth--;
    else if (depth === 0) own.push(property);
  }
  return own;
}

function text(property: Property | undefined): string | null {
  if (!property) return null;
  const value = property.value.replace(/\\([nN])/g, '\n').replace(/\\([,;\\])/g, '$1').trim();
  return value === '' ? null : value;
}

function readOrganizer(property: Property): EmailAddress | null {
  const { address } = normalizeEmail(property.value);
  return address ? { address, name: property.params.get('CN')?.trim() || null } : null;
}

/**
 * DATE → `YYYY-MM-DD`; UTC or a known IANA TZID → UTC ISO; a floating time or a zone Intl does not
 * know (Outlook writes Windows names such as "Pacific Standard Time") → local ISO without an offset,
 * which is still what the organizer wrote.
 */
function readTime(property: Property): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(property.value.trim());
  if (!m) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (m[4] === undefined) return date;
  const local = `${date}T${m[4]}:${m[5]}:${m[6]}`;
  if (m[7]) return `${local}Z`;
  const zone = property.params.get('TZID');
  const ms = zone ? zonedToUtc(Date.parse(`${local}Z`), zone) : null;
  return ms === null ? local : new Date(ms).toISOString().replace('.000Z', 'Z');
}

// Building a formatter costs far more than using one, and invitations name the same few zones.
const zoneFormats = new Map<string, Intl.DateTimeFormat | null>();

function zoneFormat(zone: string): Intl.DateTimeFormat | null {
  let format = zoneFormats.get(zone);
  if (format !== undefined) return format;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    format = null;
  }
  // Zone names come from mail: a message naming thousands of made-up zones must not grow this forever.
  if (zoneFormats.size < 100) zoneFormats.set(zone, format);
  return format;
}

/** Epoch ms of a wall-clock time in an IANA zone, or null when Intl does not know the zone. */
function zonedToUtc(wallClockAsUtc: number, zone: string): number | null {
  const format = zoneFormat(zone);
  if (!format) return null;
  // The zone's offset at that instant, applied twice so a time next to a DST change lands right.
  const offsetAt = (instant: number) => {
    const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
    return Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!) - instant;
  };
  const guess = wallClockAsUtc - offsetAt(wallClockAsUtc);
  return wallClockAsUtc - offsetAt(guess);
}

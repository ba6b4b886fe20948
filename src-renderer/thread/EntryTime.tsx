import { clockTime, fullDateTime } from '../format/clock-time';

export function EntryTime({ at }: { at: number }) {
  return (
    <time className="entry-time" dateTime={new Date(at).toISOString()} title={fullDateTime(at)}>
      {clockTime(at)}
    </time>
  );
}

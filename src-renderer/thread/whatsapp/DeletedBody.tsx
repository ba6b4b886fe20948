import { clockTime } from '../../format/clock-time';

/** Stands where the text was: the sender deleted it for everyone; the original stays in the audit log. */
export function DeletedBody({ at }: { at: number }) {
  return (
    <div className="bubble__body bubble__body--deleted" data-testid="deleted-message">
      This message was deleted <span className="bubble__deleted-time">({clockTime(at)})</span>
    </div>
  );
}

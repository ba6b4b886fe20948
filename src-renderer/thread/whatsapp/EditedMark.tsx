import { fullDateTime } from '../../format/clock-time';

export function EditedMark({ at }: { at: number }) {
  return (
    <span className="edited-mark" data-testid="edited-mark" title={`Edited ${fullDateTime(at)}`}>
      Edited
    </span>
  );
}

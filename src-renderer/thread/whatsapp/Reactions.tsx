import type { EntryReaction } from '../../../src-shared/domain/reaction';

/** The emoji people reacted with, grouped, with who reacted in the tooltip (`me` is the business). */
export function Reactions({ reactions }: { reactions: EntryReaction[] | undefined }) {
  if (!reactions || reactions.length === 0) return null;
  const groups = new Map<string, string[]>();
  for (const reaction of reactions) groups.set(reaction.emoji, [...(groups.get(reaction.emoji) ?? []), reaction.by === 'me' ? 'You' : reactorName(reaction.by)]);
  return (
    <ul className="reactions" aria-label="Reactions" data-testid="reactions">
      {[...groups].map(([emoji, people]) => (
        <li key={emoji} className="reaction" title={people.join(', ')}>
          <span aria-hidden="true">{emoji}</span>
          {people.length > 1 && <span className="reaction__count">{people.length}</span>}
          <span className="visually-hidden">{`${emoji} from ${people.join(', ')}`}</span>
        </li>
      ))}
    </ul>
  );
}

/** A phone-number address reads as the number; a LID says only that it is the customer. */
function reactorName(jid: string): string {
  const [user, server] = jid.split('@');
  return server === 's.whatsapp.net' && user ? `+${user}` : 'the customer';
}

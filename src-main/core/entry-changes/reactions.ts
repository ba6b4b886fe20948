import type { EntryReaction } from '../../../src-shared/domain/reaction';
import type { EntryChange } from './entry-change';

/**
 * The reactions after `change`, or null when it changes nothing: each person has one reaction, a
 * later one replaces theirs, an empty emoji takes it back, and one older than theirs is stale.
 */
export function withReaction(current: readonly EntryReaction[], change: Extract<EntryChange, { kind: 'reaction' }>): EntryReaction[] | null {
  const mine = current.find((reaction) => reaction.by === change.by);
  if (mine && mine.at > change.at) return null;
  if (mine && mine.emoji === change.emoji && mine.at === change.at) return null;
  const others = current.filter((reaction) => reaction.by !== change.by);
  if (change.emoji === '') return mine ? others : null;
  return [...others, { by: change.by, emoji: change.emoji, at: change.at }];
}

import type { Peer } from '../rooms/room';
import { CLOSE_MEMBERSHIP_REVOKED } from './close-codes';

/** Every open connection by member, so a removed member can be cut off at once in every room. */
export class MemberConnections {
  private readonly byMember = new Map<string, Set<Peer>>();
  private total = 0;

  get count(): number {
    return this.total;
  }

  memberIds(): string[] {
    return [...this.byMember.keys()];
  }

  add(peer: Peer): void {
    const peers = this.byMember.get(peer.memberId) ?? new Set<Peer>();
    if (peers.has(peer)) return;
    peers.add(peer);
    this.byMember.set(peer.memberId, peers);
    this.total++;
  }

  delete(peer: Peer): void {
    const peers = this.byMember.get(peer.memberId);
    if (!peers?.delete(peer)) return;
    this.total--;
    if (peers.size === 0) this.byMember.delete(peer.memberId);
  }

  revoke(memberId: string): void {
    for (const peer of this.byMember.get(memberId) ?? []) peer.close(CLOSE_MEMBERSHIP_REVOKED, 'membership revoked');
  }
}

import { describe, expect, it } from 'vitest';
import { COUNTS_SQL, listSql } from '../../../src-main/core/conversations/inbox-queries';
import { CONTACT_SEARCH_SQL, MESSAGE_SEARCH_SQL } from '../../../src-main/core/search/search';
import { INBOX_FILTERS } from '../../../src-shared/domain/conversation';
import { queryPlan } from '../../support/explain';
import { openTestCore } from '../../support/test-core';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const listParams = { workspaceId: 'ws', me: 'mb', beforeAt: 1, beforeId: 'x', limit: 50 };

const EXPECTED_LIST_INDEX = {
  all: 'conversations_open_recent',
  mine: 'conversations_open_assignee',
  unassigned: 'conversations_open_assignee',
  unread: 'conversations_open_unread',
  needs_response: 'conversations_open_needs_response',
} as const;

describe('hot query plans', () => {
  it.each(INBOX_FILTERS)('list "%s" walks its partial index in order, with no sort step', (filter) => {
    const { core } = openTestCore(tempDir());
    const plan = queryPlan(core.store.sqlite, listSql(filter), listParams);
    expect(plan[0]).toMatch(new RegExp(`^SEARCH cv USING (COVERING )?INDEX ${EXPECTED_LIST_INDEX[filter]} `));
    expect(plan.some((d) => /^SEARCH ct USING INDEX contacts_id_unique/.test(d))).toBe(true);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE|SCAN cv/);
    core.close();
  });

  it('counts read the counters table by its key', () => {
    const { core } = openTestCore(tempDir());
    expect(queryPlan(core.store.sqlite, COUNTS_SQL, listParams)).toEqual([expect.stringMatching(/^SEARCH inbox_counts USING PRIMARY KEY \(workspace_id=\?/)]);
    core.close();
  });

  it('message search is driven by the FTS index, newest first, without a sort', () => {
    const { core } = openTestCore(tempDir());
    const plan = queryPlan(core.store.sqlite, MESSAGE_SEARCH_SQL, { match: '"leak"*', workspaceId: 'ws', limit: 50 });
    expect(plan[0]).toMatch(/^SCAN entries_fts VIRTUAL TABLE INDEX \d+:M/);
    expect(plan.join('\n')).toMatch(/SEARCH e USING INTEGER PRIMARY KEY/);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
    core.close();
  });

  it('contact search is driven by the trigram index', () => {
    const { core } = openTestCore(tempDir());
    const plan = queryPlan(core.store.sqlite, CONTACT_SEARCH_SQL, { match: '"maria"', workspaceId: 'ws', limit: 50 });
    expect(plan[0]).toMatch(/^SCAN f VIRTUAL TABLE INDEX \d+:M/);
    expect(plan.join('\n')).toMatch(/SEARCH ct USING INTEGER PRIMARY KEY/);
    core.close();
  });
});

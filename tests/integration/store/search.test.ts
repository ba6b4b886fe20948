import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../src-shared/api/requests';
import { openTestCore } from '../../support/test-core';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

describe('search over the demo workspace', () => {
  const search = async (query: string) => {
    const { request, core } = openTestCore(tempDir(), { demo: true });
    const hits = await request<SearchHit[]>('search.query', { query });
    core.close();
    return hits;
  };

  it('finds a contact by a number typed any way', async () => {
    for (const query of ['(212) 555-0147', '2125550147', '555-0147']) {
      expect((await search(query)).map((h) => h.conversation.contactName)).toContain('Maria Gonzalez');
    }
  });

  it('finds contacts by part of a name, an email or an address', async () => {
    expect((await search('gonz'))[0]?.conversation.contactName).toBe('Maria Gonzalez');
    expect((await search('beckerpm'))[0]?.conversation.contactName).toBe('Tom Becker');
    expect((await search('Garfield'))[0]?.conversation.contactName).toBe('Greg Novak');
  });

  it('finds message text by word prefix and marks the match', async () => {
    const [hit] = await search('grease tra');
    expect(hit?.conversation.contactName).toBe('Jenny Lee');
    expect(hit?.snippet).toMatch(/\[\[grease\]\] \[\[trap\]\]/i);
    expect(hit?.entryId).toMatch(/^(sms|email):/);
  });

  it('finds internal notes too, since the team searches its own words', async () => {
    expect((await search('Bradford'))[0]?.conversation.contactName).toBe('Maria Gonzalez');
  });

  it('treats FTS syntax in the query as plain words instead of failing', async () => {
    expect(await search('"unbalanced OR NEAR(')).toEqual([]);
    expect(await search('body:heater')).toEqual([]);
  });
});

import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import type { Gazetteer } from '../../src/geo/types.js';
import { schema } from '../../src/graphql/schema.js';
import { GRAPHIQL_TABS } from '../../src/server/graphiql.js';
import { createYogaServer } from '../../src/server/yoga.js';

describe('GraphiQL example tabs', () => {
  it('are all valid operations against the current schema', () => {
    for (const tab of GRAPHIQL_TABS)
      expect(validate(schema, parse(tab.query)).map((e) => e.message)).toEqual([]);
  });

  it('cover related stories, corroboration, ClaimReview export and live updates', () => {
    const all = GRAPHIQL_TABS.map((t) => t.query).join('\n');
    for (const field of ['relatedArticles', 'corroboratedBy', 'contradictedBy', 'claimReview', 'claimAdded'])
      expect(all).toContain(field);
  });

  it('open in the served page', async () => {
    const yoga = createYogaServer({ db: {} as Database, gazetteer: {} as Gazetteer });
    const html = await (
      await yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } })
    ).text();
    expect(html).toContain('defaultTabs');
    expect(html).toContain('query RelatedStories');
  });
});

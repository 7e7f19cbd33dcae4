import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportArticle } from '../../src/client/operations/articles.js';
import { SourceByName } from '../../src/client/operations/sources.js';
import { drivers } from '../helpers/db.js';
import { executeOperation } from '../helpers/execute.js';
import { createTestServer, type TestServer } from '../helpers/server.js';

/** A one-claim article in our own words, the whole body being the claim. */
function article(
  url: string,
  body: string,
  speaker: { name: string; kind: 'PERSON' | 'GOVERNMENT' | 'MEDIA' },
) {
  return {
    url,
    body,
    claims: [{ start: 0, end: body.length, quote: 'INDIRECT' as const, speakerText: speaker.name, speaker }],
  };
}

describe.each(drivers)('one source under many names on %s', (driver) => {
  let server: TestServer;
  const source = async (name: string) =>
    (await executeOperation(server.yoga, SourceByName, { name })).data?.source;

  beforeAll(async () => {
    server = await createTestServer(driver);
    const inputs = [
      article('https://a.example/1', 'The Pentagon said the convoy had turned back.', {
        name: 'The Pentagon',
        kind: 'GOVERNMENT',
      }),
      article('https://a.example/2', 'The US Department of Defense said two ships left port.', {
        name: 'US Department of Defense',
        kind: 'GOVERNMENT',
      }),
      article('https://a.example/3', 'Al-Arabyia TV reported that the talks had stalled.', {
        name: 'Al-Arabyia TV',
        kind: 'MEDIA',
      }),
      article('https://a.example/4', 'Al Arabiya said a second round was planned.', {
        name: 'Al Arabiya',
        kind: 'MEDIA',
      }),
      article('https://a.example/5', 'Dillon said the bridge was closed.', {
        name: 'Dillon',
        kind: 'PERSON',
      }),
      article('https://a.example/6', 'Ryan Dillon said the bridge was open.', {
        name: 'Ryan Dillon',
        kind: 'PERSON',
      }),
    ];
    for (const input of inputs)
      expect((await executeOperation(server.yoga, ImportArticle, { input })).errors).toBeUndefined();
  });
  afterAll(() => server.close());

  it('merges a body written under another name, keeping every name as an alias', async () => {
    const pentagon = await source('US Department of Defense');
    expect(pentagon).toMatchObject({ name: 'Pentagon', kind: 'GOVERNMENT', claimCount: 2 });
    expect(pentagon?.aliases).toEqual(expect.arrayContaining(['The Pentagon', 'US Department of Defense']));
    expect((await source('Defense Department'))?.id).toBe(pentagon?.id);
  });

  it('merges transliterations of an outlet and finds it under a third spelling', async () => {
    const arabiya = await source('Al Arabiya');
    expect(arabiya?.claimCount).toBe(2);
    expect((await source('al-arabiya'))?.id).toBe(arabiya?.id);
  });

  it('keeps people apart when only a surname is shared', async () => {
    const dillon = await source('Dillon');
    const ryan = await source('Ryan Dillon');
    expect(dillon?.id).not.toBe(ryan?.id);
    expect([dillon?.claimCount, ryan?.claimCount]).toEqual([1, 1]);
  });
});

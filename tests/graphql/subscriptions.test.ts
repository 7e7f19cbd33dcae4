import { randomBytes } from 'node:crypto';
import { type DocumentNode, print } from 'graphql';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportArticle, IngestArticle } from '../../src/client/operations/articles.js';
import { ClaimAdded, ClaimAddedBySource, WatchIds } from '../../src/client/operations/subscriptions.js';
import { type ClaimEvents, createClaimEvents } from '../../src/events/claim-events.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { createYogaServer, type YogaServer } from '../../src/server/yoga.js';
import { readSeed } from '../helpers/corpus.js';
import { createTestDb, drivers, type TestDb } from '../helpers/db.js';
import { executeOperation } from '../helpers/execute.js';
import { TEST_ADMIN_TOKEN, testServerOptions } from '../helpers/server.js';
import { threeStories } from '../helpers/stories.js';

const [storyA, storyB] = threeStories();

/** Wraps a bus so a test can wait until N subscribers are listening before it publishes. */
function observed(events: ClaimEvents) {
  let listening = 0;
  const waiters: (() => void)[] = [];
  const bus: ClaimEvents = {
    ...events,
    subscribe() {
      const inner = events.subscribe()[Symbol.asyncIterator]();
      let counted = false;
      return {
        [Symbol.asyncIterator]: () => ({
          next: () => {
            const result = inner.next();
            if (!counted) {
              counted = true;
              listening++;
              for (const wake of waiters.splice(0)) wake();
            }
            return result;
          },
          return: (value?: unknown) =>
            inner.return?.(value) ?? Promise.resolve({ done: true as const, value: undefined }),
        }),
      };
    },
  };
  const until = async (n: number) => {
    while (listening < n) await new Promise<void>((wake) => waiters.push(wake));
  };
  return { bus, until };
}

/** Opens an SSE subscription and collects the data of `count` events. */
async function collect(yoga: YogaServer, document: DocumentNode, variables: object, count: number) {
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: `Bearer ${TEST_ADMIN_TOKEN}`,
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: { data?: Record<string, { text: string; article: { url: string } }>; errors?: unknown }[] =
    [];
  let buffer = '';
  const done = (async () => {
    while (events.length < count) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const data = buffer
          .slice(0, end)
          .split('\n')
          .find((l) => l.startsWith('data: '));
        if (data) events.push(JSON.parse(data.slice(6)));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
    }
    await reader.cancel();
    return events;
  })();
  return done;
}

async function watchIds(yoga: YogaServer) {
  const { data, errors } = await executeOperation(yoga, WatchIds, {
    place: 'Raqqa',
    container: 'Syria',
    source: 'Pentagon',
  });
  expect(errors).toBeUndefined();
  return {
    raqqa: data?.place?.id as string,
    syria: data?.container?.id as string,
    pentagon: data?.source?.id as string,
  };
}

describe.each(drivers)('claim subscriptions over SSE, in process, on %s', (driver) => {
  let testDb: TestDb;
  let yoga: YogaServer;
  let until: (n: number) => Promise<void>;

  beforeAll(async () => {
    const [db, gazetteer] = await Promise.all([createTestDb(driver), loadGazetteer()]);
    testDb = db;
    const watched = observed(createClaimEvents(db.db));
    until = watched.until;
    yoga = createYogaServer({ db: db.db, gazetteer, claimEvents: watched.bus, options: testServerOptions() });
    expect((await executeOperation(yoga, ImportArticle, { input: storyA })).errors).toBeUndefined();
    // Syria only enters the graph with B; give it a first claim so its id exists to watch.
    expect(
      (await executeOperation(yoga, ImportArticle, { input: { ...storyB, url: 'https://test.example/b0' } }))
        .errors,
    ).toBeUndefined();
  });
  afterAll(() => testDb.close());

  it('delivers each new claim to the subscriptions it matches, after importArticle', async () => {
    const ids = await watchIds(yoga);
    const raqqa = collect(yoga, ClaimAdded, { locationId: ids.raqqa }, 2);
    const syriaWithin = collect(yoga, ClaimAdded, { locationId: ids.syria, includeContained: true }, 3);
    const syriaOnly = collect(yoga, ClaimAdded, { locationId: ids.syria }, 1);
    const pentagon = collect(yoga, ClaimAddedBySource, { sourceId: ids.pentagon }, 1);
    await until(4);
    const imported = await executeOperation(yoga, ImportArticle, { input: storyB });
    expect(imported.data?.importArticle.status).toBe('CREATED');

    const texts = (events: Awaited<typeof raqqa>, field: string) =>
      events.map((e) => e.data?.[field]?.text.split(',')[0]);
    expect(texts(await raqqa, 'claimAdded')).toEqual([
      'Around 400 militants remain holding out in a pocket of Raqqa',
      'Only 150 militants are still holding out in a pocket of Raqqa',
    ]);
    expect(await syriaWithin).toHaveLength(3);
    expect(texts(await syriaOnly, 'claimAdded')).toEqual([
      'The Pentagon said the coalition flew 12 air strikes over Syria.',
    ]);
    const bySource = await pentagon;
    expect(bySource[0].data?.claimAddedBySource.article.url).toBe('https://test.example/b');
  });

  it('publishes nothing for an unchanged re-import', async () => {
    const ids = await watchIds(yoga);
    const raqqa = collect(yoga, ClaimAdded, { locationId: ids.raqqa }, 1);
    await until(5);
    const again = await executeOperation(yoga, ImportArticle, { input: storyB });
    expect(again.data?.importArticle.status).toBe('UNCHANGED');
    // The next changed import is the first event this subscriber sees.
    const changed = { ...storyA, title: 'Final push on Raqqa (updated)' };
    await executeOperation(yoga, ImportArticle, { input: changed });
    const [event] = await raqqa;
    expect(event.data?.claimAdded.article.url).toBe('https://test.example/a');
  });

  it('delivers claims extracted by ingestArticle too', async () => {
    const ids = await watchIds(yoga);
    const syria = collect(yoga, ClaimAdded, { locationId: ids.syria, includeContained: true }, 1);
    await until(6);
    const ingested = await executeOperation(yoga, IngestArticle, {
      input: { url: 'https://test.example/seed', text: readSeed().text },
    });
    expect(ingested.data?.ingestArticle.status).toBe('CREATED');
    const [event] = await syria;
    expect(event.data?.claimAdded.article.url).toBe('https://test.example/seed');
  });

  it('rejects an id of the wrong type', async () => {
    const ids = await watchIds(yoga);
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${TEST_ADMIN_TOKEN}`,
      },
      body: JSON.stringify({ query: print(ClaimAdded), variables: { locationId: ids.pentagon } }),
    });
    const body = (await response.json()) as { errors?: { message: string }[] };
    expect(body.errors?.[0].message).toMatch(/Location/);
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
// Runs whenever TEST_REDIS_URL is set; .ci/run starts Redis and sets it.
if (redisUrl) {
  describe('claim subscriptions across two servers through Redis', () => {
    it('delivers a claim imported on one server to a subscriber on the other', async () => {
      const [testDb, gazetteer] = await Promise.all([createTestDb('pglite'), loadGazetteer()]);
      const channelPrefix = `news-graph-test-${randomBytes(4).toString('hex')}:`;
      const busA = createClaimEvents(testDb.db, { redisUrl, channelPrefix });
      const busB = createClaimEvents(testDb.db, { redisUrl, channelPrefix });
      const probe = new Redis(redisUrl);
      try {
        const writer = createYogaServer({
          db: testDb.db,
          gazetteer,
          claimEvents: busA,
          options: testServerOptions(),
        });
        const reader = createYogaServer({
          db: testDb.db,
          gazetteer,
          claimEvents: busB,
          options: testServerOptions(),
        });
        // Publishing does not wait for Redis, so story A's events could still be in flight when
        // the reader subscribes: watch the channel and go on once it has been quiet for a while.
        const seen = new Redis(redisUrl);
        let lastMessage = 0;
        let messages = 0;
        seen.on('message', () => {
          messages++;
          lastMessage = Date.now();
        });
        await seen.subscribe(`${channelPrefix}claim-added`);
        await executeOperation(writer, ImportArticle, { input: storyA });
        for (let i = 0; i < 300 && (messages === 0 || Date.now() - lastMessage < 150); i++)
          await new Promise((wake) => setTimeout(wake, 10));
        await seen.quit();
        expect(messages).toBeGreaterThan(0);
        const ids = await watchIds(reader);
        const received = collect(reader, ClaimAdded, { locationId: ids.raqqa }, 2);
        // Wait until the reader's SUBSCRIBE reached Redis, so the publish cannot race it.
        for (let i = 0; i < 200; i++) {
          const [, listeners] = (await probe.pubsub('NUMSUB', `${channelPrefix}claim-added`)) as [
            string,
            number,
          ];
          if (Number(listeners) > 0) break;
          await new Promise((wake) => setTimeout(wake, 10));
        }
        await executeOperation(writer, ImportArticle, { input: storyB });
        const events = await received;
        expect(events.map((e) => e.data?.claimAdded.article.url)).toEqual([
          'https://test.example/b',
          'https://test.example/b',
        ]);
      } finally {
        await Promise.all([busA.close(), busB.close(), probe.quit()]);
        await testDb.close();
      }
    });
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportArticle } from '../../src/client/operations/articles.js';
import {
  CentralQuestion,
  LocationByName,
  LocationClaimsFiltered,
} from '../../src/client/operations/locations.js';
import { seedAsImportInput } from '../helpers/corpus.js';
import { drivers } from '../helpers/db.js';
import { executeOperation } from '../helpers/execute.js';
import { createTestServer, demoImportInput, type TestServer } from '../helpers/server.js';

/** Names of the sources edge by edge; the unresolved group shows as "<unresolved>". */
function speakerNames(data: Awaited<ReturnType<typeof ask>>): string[] {
  return (data?.location?.sources.edges ?? []).map((e) => e.node?.name ?? '<unresolved>');
}

let server: TestServer;
async function ask(name: string, includeContained = true) {
  const result = await executeOperation(server.yoga, CentralQuestion, { name, includeContained });
  expect(result.errors).toBeUndefined();
  return result.data;
}

describe.each(drivers)('the central question on %s', (driver) => {
  beforeAll(async () => {
    server = await createTestServer(driver);
    for (const input of [seedAsImportInput(), demoImportInput()]) {
      const result = await executeOperation(server.yoga, ImportArticle, { input });
      expect(result.errors).toBeUndefined();
      expect(result.data?.importArticle.status).toBe('CREATED');
    }
  });
  afterAll(() => server.close());

  it('answers Raqqa under any spelling with the same place', async () => {
    const ids = new Set<string>();
    for (const name of ['Raqa', 'Raqqa', 'Ar-Raqqah', 'raqqa']) {
      const data = await ask(name);
      expect(data?.location).toMatchObject({ countryCode: 'SY', kind: 'CITY' });
      ids.add(data?.location?.id as string);
    }
    expect(ids.size).toBe(1);
  });

  it('lists who made claims about Raqqa, across both pages, unresolved speaker included', async () => {
    const data = await ask('Raqa');
    // Seed and demo each have: the field commander, civilians, Dillon, one unresolved "he".
    // Most claims first, then by name ignoring case, the unresolved group last among equals.
    // Anonymous sources are per article, so the demo's commander is a second source.
    expect(speakerNames(data)).toEqual([
      'civilians',
      'Dillon',
      '<unresolved>',
      'field commander for the US-backed forces',
      'field commander for the US-backed forces',
    ]);
    expect(data?.location?.sources.totalCount).toBe(5);
    const edges = data?.location?.sources.edges ?? [];
    expect(edges.map((e) => e.claimCount)).toEqual([2, 2, 2, 1, 1]);
    expect(edges[2]).toMatchObject({ unresolved: true, speakerTexts: ['he'], node: null });
    expect(data?.location?.claims.totalCount).toBe(8);
    const unresolvedClaims = data?.location?.claims.edges.filter((e) => e.node.source == null) ?? [];
    expect(unresolvedClaims.map((e) => e.node.speakerText)).toEqual(['he', 'he']);
  });

  it('answers Deir al-Zor with the city and the governorate named after it', async () => {
    for (const name of ['Deir al-Zor', 'Deir ez-Zor', 'Dayr az Zawr']) {
      const data = await ask(name);
      expect(data?.location).toMatchObject({ name: 'Deir ez-Zor', kind: 'CITY' });
      expect(new Set(speakerNames(data))).toEqual(
        new Set(['Syrian military source', 'Russian Defense Ministry']),
      );
    }
  });

  it('keeps the governorate apart when asked as a province, and scopes direct claims', async () => {
    const province = await ask('Deir al-Zor Province');
    expect(province?.location).toMatchObject({ kind: 'REGION', countryCode: 'SY' });
    expect(new Set(speakerNames(province))).toEqual(
      new Set(['Russian Defense Ministry', 'Syrian military source']),
    );
    const cityOnly = await ask('Deir al-Zor', false);
    expect(speakerNames(cityOnly)).toEqual(['Syrian military source', 'Syrian military source']);
  });

  it('answers Iraq with the Russian Defense Ministry only', async () => {
    const data = await ask('Iraq');
    expect(data?.location).toMatchObject({ kind: 'COUNTRY', countryCode: 'IQ' });
    expect(speakerNames(data)).toEqual(['Russian Defense Ministry']);
    expect(data?.location?.sources.edges[0].claimCount).toBe(2);
  });

  it('answers Syria with everything inside it when includeContained is set', async () => {
    const all = new Set(speakerNames(await ask('Syria')));
    for (const name of [
      'Syrian Foreign Minister',
      'field commander for the US-backed forces',
      'Syrian military source',
      'Russian Defense Ministry',
      'civilians',
      'Dillon',
      '<unresolved>',
    ])
      expect(all).toContain(name);
    // Iraq is not in Syria, the Pentagon named no place, the fighters' quote named none.
    expect(all).not.toContain('Pentagon');
    const direct = speakerNames(await ask('Syria', false));
    expect(new Set(direct)).toEqual(new Set(['Syrian Foreign Minister', 'Syrian military source']));
  });

  it('returns null for places that are not in the graph or are not places', async () => {
    expect((await ask('Minsk'))?.location).toBeNull();
    expect((await ask('Qwzxv'))?.location).toBeNull();
  });

  it('exposes the containment chain city -> region -> country', async () => {
    const result = await executeOperation(server.yoga, LocationByName, { name: 'al-Mayadin' });
    expect(result.data?.location?.ancestors).toEqual([
      { name: 'Deir ez-Zor', kind: 'REGION' },
      { name: 'Syria', kind: 'COUNTRY' },
    ]);
    expect(result.data?.location?.latitude).toBeCloseTo(35.02, 1);
  });

  it('narrows the answer with a claim filter: kinds of source, a time window', async () => {
    const run = async (filter: object) =>
      (await executeOperation(server.yoga, LocationClaimsFiltered, { name: 'Syria', filter })).data?.location;
    const government = await run({ sourceKinds: ['GOVERNMENT'] });
    expect(new Set(government?.sources.edges.map((e) => e.node?.name))).toEqual(
      new Set(['Syrian Foreign Minister', 'Russian Defense Ministry']),
    );
    expect(government?.claims.totalCount).toBe(4);
    // Only the ministry's statement is dated October 10; everything else falls on the 12th.
    const early = await run({ claimedTo: '2017-10-11T00:00:00Z' });
    expect(early?.sources.edges.map((e) => e.node?.name)).toEqual(['Russian Defense Ministry']);
    expect(early?.claims.edges.map((e) => e.node.claimedAt)).toEqual([
      '2017-10-10T00:00:00.000Z',
      '2017-10-10T00:00:00.000Z',
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CentralQuestion, LocationClaimsFiltered } from '../../src/client/operations/locations.js';
import { articles } from '../../src/db/schema/index.js';
import { loadDemoIfEmpty } from '../../src/demo/load-demo.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { drivers } from '../helpers/db.js';
import { executeOperation } from '../helpers/execute.js';
import { createTestServer, type TestServer } from '../helpers/server.js';

describe.each(drivers)('the demo data on %s', (driver) => {
  let server: TestServer;
  const speakers = async (name: string) => {
    const { data } = await executeOperation(server.yoga, CentralQuestion, { name });
    return new Set(
      (data?.location?.sources.edges ?? []).map((e) => e.node?.name.toLowerCase() ?? '<unresolved>'),
    );
  };

  beforeAll(async () => {
    server = await createTestServer(driver);
  });
  afterAll(() => server.close());

  it('loads through the extraction pipeline into an empty database, once', async () => {
    const gazetteer = await loadGazetteer();
    expect(await loadDemoIfEmpty(server.db, gazetteer)).toBe(1);
    expect(await loadDemoIfEmpty(server.db, gazetteer)).toBe(0);
    expect(await server.db.$count(articles)).toBe(1);
  });

  it('answers the central question like the seed page does', async () => {
    expect(await speakers('Raqa')).toEqual(
      // The demo words it "a field commander with the US-backed forces".
      new Set(['field commander with the us-backed forces', 'civilians', 'dillon', '<unresolved>']),
    );
    expect(await speakers('Deir al-Zor')).toEqual(
      new Set(['syrian military source', 'russian defense ministry']),
    );
    const syria = await speakers('Syria');
    for (const name of ['russian defense ministry', 'dillon', '<unresolved>']) expect(syria).toContain(name);
  });

  it('dates the ministry statement by the day the text gives, the rest by publication', async () => {
    const { data } = await executeOperation(server.yoga, LocationClaimsFiltered, {
      name: 'Syria',
      filter: { claimedTo: '2017-10-11T00:00:00Z' },
    });
    expect(data?.location?.claims.edges.map((e) => e.node.claimedAt)).toEqual(['2017-10-10T00:00:00.000Z']);
    expect(data?.location?.sources.edges.map((e) => e.node?.name)).toEqual(['Russian Defense Ministry']);
  });
});

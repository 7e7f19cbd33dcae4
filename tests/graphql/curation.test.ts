import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportArticle } from '../../src/client/operations/articles.js';
import {
  CorrectClaimPlaces,
  CorrectClaimSpeaker,
  CurationActions,
  MergeLocations,
  MergeSources,
  UndoCuration,
} from '../../src/client/operations/curation.js';
import { CentralQuestion } from '../../src/client/operations/locations.js';
import { executeRows } from '../../src/db/execute.js';
import { seedAsImportInput } from '../helpers/corpus.js';
import { drivers } from '../helpers/db.js';
import { executeOperation } from '../helpers/execute.js';
import { createTestServer, demoImportInput, type TestServer } from '../helpers/server.js';

/** Ids the tests act on, read through the API like a client would. */
const Ids = `query Ids($name: String!) {
  location(name: $name) {
    id name kind
    ancestors { id name kind }
    sources(first: 20, includeContained: true) { edges { claimCount node { id name } } }
    claims(first: 20, includeContained: true) { edges { node { id text speakerText source { id name } } } }
  }
}`;

interface IdsData {
  location: {
    id: string;
    name: string;
    kind: string;
    ancestors: { id: string; name: string; kind: string }[];
    sources: { edges: { claimCount: number; node: { id: string; name: string } | null }[] };
    claims: {
      edges: {
        node: { id: string; text: string; speakerText: string | null; source: { id: string } | null };
      }[];
    };
  } | null;
}

const LOCAL = 'Zorbatia Plain';
const localBody = `Local officials said the ${LOCAL} was flooded.`;
const localArticle = {
  url: 'https://curation.example/zorbatia',
  body: localBody,
  claims: [
    {
      start: 0,
      end: localBody.length,
      quote: 'INDIRECT' as const,
      speakerText: 'Local officials',
      speaker: { name: 'Local officials', kind: 'GOVERNMENT' as const },
      places: [
        {
          name: LOCAL,
          start: localBody.indexOf(LOCAL),
          end: localBody.indexOf(LOCAL) + LOCAL.length,
          kind: 'REGION' as const,
          countryCode: 'SY',
        },
      ],
    },
  ],
};

describe.each(drivers)('curation on %s', (driver) => {
  let server: TestServer;
  let regionName: string;

  /** Runs an operation and counts the SQL statements it sent. */
  const run = async <R, V>(op: TypedDocumentNode<R, V>, variables: V) => {
    server.resetStatements();
    const result = await untyped<R>(server.yoga, op, variables);
    return { ...result, statements: server.statements.length };
  };
  const ids = async (name: string) => (await untyped<IdsData>(server.yoga, Ids, { name })).data as IdsData;
  const ask = async (name: string, includeContained = true) => {
    const result = await executeOperation(server.yoga, CentralQuestion, { name, includeContained });
    expect(result.errors).toBeUndefined();
    return result.data?.location ?? null;
  };
  /** The central question for every place the tests touch: undo must give these back exactly. */
  const answers = async () => {
    const names = ['Raqa', 'Syria', 'Deir al-Zor', regionName, LOCAL];
    return Object.fromEntries(
      await Promise.all(names.flatMap((n) => [true, false].map(async (c) => [`${n}:${c}`, await ask(n, c)]))),
    );
  };
  /** Row counts of every table curation writes, and where each claim points. */
  const fingerprint = async () =>
    (
      await executeRows<{ f: string }>(
        server.db,
        sql`select concat_ws('|',
          (select count(*) from sources), (select count(*) from source_aliases),
          (select count(*) from locations), (select count(*) from location_aliases),
          (select count(*) from location_ancestors), (select count(*) from curation_actions where undone_at is null),
          (select string_agg(id || ':' || coalesce(source_id, 0), ',' order by id) from claims),
          (select string_agg(claim_id || ':' || location_id, ',' order by id) from claim_locations),
          (select string_agg(id || ':' || coalesce(parent_id, 0), ',' order by id) from locations)) as f`,
      )
    )[0].f;
  const code = (result: { errors?: { extensions?: { code?: string } }[] }) =>
    result.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    server = await createTestServer(driver);
    for (const input of [seedAsImportInput(), demoImportInput(), localArticle])
      expect((await executeOperation(server.yoga, ImportArticle, { input })).errors).toBeUndefined();
    const raqqa = (await ids('Raqa')).location;
    // The governorate shares the city's name; "<name> Province" asks for the region itself.
    const region = raqqa?.ancestors.find((a) => a.kind === 'REGION');
    regionName = `${region?.name} Province`;
    expect((await ids(regionName)).location?.id).toBe(region?.id);
  });
  afterAll(() => server.close());

  it('merges two sources: the central question counts the speaker once with both claims; undo restores it', async () => {
    const before = await answers();
    const commanders = (await ids('Raqa')).location?.sources.edges.filter((e) =>
      e.node?.name.startsWith('field commander'),
    );
    expect(commanders?.map((e) => e.claimCount)).toEqual([1, 1]);
    const [keep, merge] = commanders?.map((e) => e.node?.id as string) ?? [];
    const merged = await run(MergeSources, { keepId: keep, mergeId: merge });
    expect(merged.errors).toBeUndefined();
    expect(merged.data?.mergeSources.source).toMatchObject({ id: keep, claimCount: 2 });
    expect(merged.statements).toBeLessThanOrEqual(11);
    const after = await ask('Raqa');
    const edges = after?.sources.edges.filter((e) => e.node?.name.startsWith('field commander')) ?? [];
    expect(edges.map((e) => e.claimCount)).toEqual([2]);
    expect(after?.sources.totalCount).toBe((before['Raqa:true']?.sources.totalCount ?? 0) - 1);

    const undone = await run(UndoCuration, { actionId: merged.data?.mergeSources.action.id as string });
    expect(undone.errors).toBeUndefined();
    expect(undone.data?.undoCuration.undoneAt).toBeTruthy();
    expect(undone.statements).toBeLessThanOrEqual(13);
    expect(await answers()).toEqual(before);
    const again = await run(UndoCuration, { actionId: merged.data?.mergeSources.action.id as string });
    expect(code(again)).toBe('BAD_USER_INPUT');
  });

  it('merges a location into another: both spellings find the kept place; undo restores the answers', async () => {
    const before = await answers();
    const local = (await ids(LOCAL)).location;
    const region = (await ids(regionName)).location;
    const merged = await run(MergeLocations, { keepId: region?.id as string, mergeId: local?.id as string });
    expect(merged.errors).toBeUndefined();
    expect(merged.statements).toBeLessThanOrEqual(14);
    expect(merged.data?.mergeLocations.location.aliases).toContain(LOCAL);
    for (const name of [LOCAL, regionName]) expect((await ids(name)).location?.id).toBe(region?.id);
    const kept = await ask(regionName);
    expect(kept?.sources.edges.map((e) => e.node?.name)).toContain('Local officials');
    expect(kept?.claims.totalCount).toBe((before[`${regionName}:true`]?.claims.totalCount ?? 0) + 1);
    const undone = await run(UndoCuration, { actionId: merged.data?.mergeLocations.action.id as string });
    expect(undone.errors).toBeUndefined();
    expect(undone.statements).toBeLessThanOrEqual(15);
    expect(await answers()).toEqual(before);
    expect((await ids(LOCAL)).location?.id).toBe(local?.id);
  });

  it('merges a place with children: they move, includeContained follows the rewritten closure; undo restores it', async () => {
    const before = await answers();
    const local = (await ids(LOCAL)).location;
    const region = (await ids(regionName)).location;
    const merged = await run(MergeLocations, { keepId: local?.id as string, mergeId: region?.id as string });
    expect(merged.errors).toBeUndefined();
    expect(merged.data?.mergeLocations.action.summary).toMatch(/ and [1-9]\d* child places? moved$/);
    // Raqqa's chain now runs through the kept place, so asking for it counts Raqqa's claims.
    const raqqa = (await ids('Raqa')).location;
    expect(raqqa?.ancestors.map((a) => a.id)).toContain(local?.id);
    expect(raqqa?.ancestors.map((a) => a.id)).not.toContain(region?.id);
    const kept = await ask(LOCAL);
    expect(kept?.claims.totalCount).toBe(
      (before[`${regionName}:true`]?.claims.totalCount ?? 0) +
        (before[`${LOCAL}:true`]?.claims.totalCount ?? 0),
    );
    expect((await ask('Syria'))?.claims.totalCount).toBe(before['Syria:true']?.claims.totalCount);
    const closure = await executeRows<{ bad: number }>(
      server.db,
      sql`select count(*)::int as bad from location_ancestors where location_id not in (select id from locations)
        or ancestor_id not in (select id from locations)`,
    );
    expect(closure[0].bad).toBe(0);
    const undone = await run(UndoCuration, { actionId: merged.data?.mergeLocations.action.id as string });
    expect(undone.errors).toBeUndefined();
    expect(await answers()).toEqual(before);
    expect((await ids(regionName)).location?.id).toBe(region?.id);
  });

  it("corrects a claim's speaker three ways, and undo (newest first) restores the answers", async () => {
    const before = await answers();
    const claim = (await ids('Raqa')).location?.claims.edges.find((e) => e.node.source === null)?.node;
    const dillon = (await ids('Raqa')).location?.sources.edges.find((e) => e.node?.name === 'Dillon')?.node;
    const named = await run(CorrectClaimSpeaker, {
      claimId: claim?.id as string,
      speaker: { name: 'Talal Silo', kind: 'PERSON' },
    });
    expect(named.errors).toBeUndefined();
    expect(named.data?.correctClaimSpeaker.claim.source).toMatchObject({
      name: 'Talal Silo',
      kind: 'PERSON',
    });
    expect(named.statements).toBeLessThanOrEqual(11);
    const bySource = await run(CorrectClaimSpeaker, { claimId: claim?.id as string, sourceId: dillon?.id });
    expect(bySource.data?.correctClaimSpeaker.claim.source?.id).toBe(dillon?.id);
    const dillonEdge = (await ask('Raqa'))?.sources.edges.find((e) => e.node?.name === 'Dillon');
    expect(dillonEdge?.claimCount).toBe(3);
    // The first correction is overtaken by the second on the same claim: undo newest first.
    const early = await run(UndoCuration, { actionId: named.data?.correctClaimSpeaker.action.id as string });
    expect(code(early)).toBe('CONFLICT');
    const cleared = await run(CorrectClaimSpeaker, { claimId: claim?.id as string });
    expect(cleared.data?.correctClaimSpeaker.claim.source).toBeNull();
    expect(cleared.data?.correctClaimSpeaker.action.summary).toBe(
      `Claim ${claimNumber(claim?.id)}: speaker Dillon -> unresolved`,
    );
    for (const r of [cleared, bySource, named]) {
      const id = r.data?.correctClaimSpeaker.action.id as string;
      expect((await run(UndoCuration, { actionId: id })).errors).toBeUndefined();
    }
    expect(await answers()).toEqual(before);
  });

  it("replaces a claim's places by name and by id, with claim-span mentions; undo restores them", async () => {
    const before = await answers();
    const claim = (await ids('Raqa')).location?.claims.edges[0].node;
    const byName = await run(CorrectClaimPlaces, {
      claimId: claim?.id as string,
      placeNames: ['Deir ez-Zor'],
    });
    expect(byName.errors).toBeUndefined();
    expect(byName.statements).toBeLessThanOrEqual(12);
    const mentions = byName.data?.correctClaimPlaces.claim.mentions ?? [];
    expect(mentions.map((m) => [m.asWritten, m.location.name])).toEqual([['Deir ez-Zor', 'Deir ez-Zor']]);
    expect((await ask('Raqa'))?.claims.totalCount).toBe((before['Raqa:true']?.claims.totalCount ?? 0) - 1);
    expect((await ask('Deir al-Zor'))?.claims.totalCount).toBe(
      (before['Deir al-Zor:true']?.claims.totalCount ?? 0) + 1,
    );
    const local = (await ids(LOCAL)).location;
    const byId = await run(CorrectClaimPlaces, {
      claimId: claim?.id as string,
      locationIds: [local?.id as string],
    });
    expect(byId.data?.correctClaimPlaces.claim.mentions.map((m) => m.location.id)).toEqual([local?.id]);
    for (const r of [byId, byName]) {
      const id = r.data?.correctClaimPlaces.action.id as string;
      expect((await run(UndoCuration, { actionId: id })).errors).toBeUndefined();
    }
    expect(await answers()).toEqual(before);
  });

  it('lists curation actions newest first with what they did', async () => {
    const result = await executeOperation(server.yoga, CurationActions, { first: 100 });
    const nodes = result.data?.curationActions.edges.map((e) => e.node) ?? [];
    expect(result.data?.curationActions.totalCount).toBe(nodes.length);
    expect(nodes.at(-1)?.kind).toBe('MERGE_SOURCES');
    expect(nodes.at(-1)?.summary).toMatch(/^Merged source "field commander.*": 1 claim moved/);
    const times = nodes.map((n) => Date.parse(n.createdAt as string));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(nodes.every((n) => n.undoneAt)).toBe(true);
  });

  it('rejects bad input with clear codes and writes nothing', async () => {
    const raqqa = (await ids('Raqa')).location;
    const sourceId = raqqa?.sources.edges.find((e) => e.node)?.node?.id as string;
    const claimId = raqqa?.claims.edges[0].node.id as string;
    const syria = raqqa?.ancestors.find((a) => a.kind === 'COUNTRY')?.id as string;
    const start = await fingerprint();
    const cases: [unknown, Record<string, unknown>, string][] = [
      [MergeSources, { keepId: sourceId, mergeId: sourceId }, 'BAD_USER_INPUT'],
      [MergeSources, { keepId: sourceId, mergeId: raqqa?.id }, 'BAD_USER_INPUT'],
      [MergeSources, { keepId: sourceId, mergeId: 'not-an-id' }, 'BAD_USER_INPUT'],
      [MergeSources, { keepId: sourceId, mergeId: encodeGlobalID('Source', 999999) }, 'NOT_FOUND'],
      [MergeLocations, { keepId: raqqa?.id, mergeId: raqqa?.id }, 'BAD_USER_INPUT'],
      [MergeLocations, { keepId: syria, mergeId: raqqa?.id }, 'BAD_USER_INPUT'],
      [MergeLocations, { keepId: raqqa?.id, mergeId: encodeGlobalID('Location', 999999) }, 'NOT_FOUND'],
      [
        CorrectClaimSpeaker,
        { claimId, sourceId, speaker: { name: 'X Y', kind: 'PERSON' } },
        'BAD_USER_INPUT',
      ],
      [CorrectClaimSpeaker, { claimId, speaker: { name: '  ', kind: 'PERSON' } }, 'BAD_USER_INPUT'],
      [CorrectClaimSpeaker, { claimId: sourceId }, 'BAD_USER_INPUT'],
      [CorrectClaimSpeaker, { claimId: encodeGlobalID('Claim', 999999) }, 'NOT_FOUND'],
      [CorrectClaimSpeaker, { claimId, sourceId: encodeGlobalID('Source', 999999) }, 'NOT_FOUND'],
      [CorrectClaimPlaces, { claimId }, 'BAD_USER_INPUT'],
      [CorrectClaimPlaces, { claimId, locationIds: [encodeGlobalID('Location', 999999)] }, 'NOT_FOUND'],
      [CorrectClaimPlaces, { claimId, placeNames: [''] }, 'BAD_USER_INPUT'],
      [UndoCuration, { actionId: encodeGlobalID('CurationAction', 999999) }, 'NOT_FOUND'],
      [UndoCuration, { actionId: claimId }, 'BAD_USER_INPUT'],
    ];
    for (const [op, variables, expected] of cases) {
      const result = await run(op as typeof MergeSources, variables as never);
      expect([JSON.stringify(variables), code(result)]).toEqual([JSON.stringify(variables), expected]);
    }
    expect(await fingerprint()).toBe(start);
  });

  it('leaves nothing half-written when a step inside a merge or an undo fails', async () => {
    const raqqa = (await ids('Raqa')).location;
    const [keep, merge] = raqqa?.sources.edges.filter((e) => e.node).map((e) => e.node?.id as string) ?? [];
    const start = await fingerprint();
    // The last write of the merge (deleting the merged source) fails after claims and aliases moved.
    await server.db.execute(
      sql.raw(`create function curation_test_fail() returns trigger language plpgsql as
      $$ begin raise exception 'forced failure'; end $$`),
    );
    await server.db.execute(
      sql.raw(`create trigger curation_test_fail before delete on sources
      for each row execute function curation_test_fail()`),
    );
    const failed = await run(MergeSources, { keepId: keep, mergeId: merge });
    await server.db.execute(sql.raw('drop trigger curation_test_fail on sources'));
    expect(failed.errors).toBeDefined();
    expect(await fingerprint()).toBe(start);

    // An undo whose payload is corrupt fails after recreating the merged place: all of it rolls back.
    const local = (await ids(LOCAL)).location;
    const region = (await ids(regionName)).location;
    const merged = await run(MergeLocations, { keepId: local?.id as string, mergeId: region?.id as string });
    const afterMerge = await fingerprint();
    await server.db.execute(
      sql`update curation_actions set payload = jsonb_set(payload, '{insertedClosure}', '"broken"') where undone_at is null`,
    );
    const broken = await run(UndoCuration, { actionId: merged.data?.mergeLocations.action.id as string });
    expect(broken.errors).toBeDefined();
    expect(await fingerprint()).toBe(afterMerge);
  });
});

/** executeOperation for variables built at run time (error cases) and the test's own query. */
const untyped = executeOperation as unknown as <R>(
  yoga: unknown,
  op: unknown,
  variables: unknown,
) => Promise<{ data?: R; errors?: { message: string; extensions?: { code?: string } }[] }>;

/** The database id inside a global id, as summaries name claims by it. */
function claimNumber(globalId: string | undefined): string {
  return Buffer.from(globalId as string, 'base64')
    .toString()
    .split(':')[1];
}

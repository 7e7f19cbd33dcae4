import { eq, inArray, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../db/client.js';
import { executeRows } from '../db/execute.js';
import { type CurationAction, claimLocations, locations, sources } from '../db/schema/index.js';
import type { Gazetteer } from '../geo/types.js';
import type { ArticleDraft, ClaimDraft, SpeakerDraft } from '../ingest/types.js';
import { upsertPlaces, upsertSources } from './article-graph.js';
import { recordCuration, type TouchedPayload } from './curation.js';
import { InvalidInputError, NotFoundError } from './errors.js';
import { recountingClaimIds } from './location-speaker-counts.js';
import { sourceKey } from './names.js';

export interface CorrectSpeakerPayload extends TouchedPayload {
  claimId: number;
  previousSourceId: number | null;
  newSourceId: number | null;
  /** Set when the correction created the source; undo deletes it if nothing else uses it. */
  createdSourceId: number | null;
  previousName: string | null;
  newName: string | null;
}

export interface CorrectPlacesPayload extends TouchedPayload {
  claimId: number;
  /** The claim's mention rows before the correction (snake_case columns), recreated on undo. */
  deletedMentions: Record<string, unknown>[];
  insertedMentionIds: number[];
  /** The mention words written by the correction, for the summary. */
  newMentions: string[];
}

/** Who the claim should be attributed to: an existing source, a named speaker, or nobody. */
export type SpeakerTarget = { sourceId: number } | { speaker: SpeakerDraft } | { unresolved: true };

interface ClaimHead {
  id: number;
  sourceId: number | null;
  sourceName: string | null;
  start: number;
  end: number;
  url: string;
}

/** Locks a claim and reads what corrections need; NOT_FOUND when it is not in the graph. */
async function lockClaim(tx: Queryable, claimId: number): Promise<ClaimHead> {
  const [claim] = await executeRows<ClaimHead>(
    tx,
    sql`select c.id, c.source_id as "sourceId", s.name as "sourceName", c.start_offset as start,
        c.end_offset as "end", a.url
      from claims c join articles a on a.id = c.article_id left join sources s on s.id = c.source_id
      where c.id = ${claimId} for update of c`,
  );
  if (!claim) throw new NotFoundError(`No claim with id ${claimId}`);
  return claim;
}

/** A draft holding one claim, so import's own source and place writers can be reused. */
function oneClaimDraft(url: string, claim: Partial<ClaimDraft>): ArticleDraft {
  const base: ClaimDraft = {
    start: 0,
    end: 0,
    text: '',
    quote: 'INDIRECT',
    speakerText: null,
    speaker: null,
    via: null,
    claimedAt: null,
    zone: 'BODY',
    places: [],
  };
  return {
    url,
    title: null,
    body: '',
    publishedAt: null,
    pageDate: null,
    outlet: null,
    claims: [{ ...base, ...claim }],
    relatedLinks: [],
    warnings: [],
  };
}

/** The source id a target names, creating a named speaker's source the way an import would. */
async function resolveSpeaker(tx: Queryable, claim: ClaimHead, target: SpeakerTarget) {
  if ('unresolved' in target) return { id: null, name: null, created: false };
  if ('sourceId' in target) {
    const [row] = await tx
      .select({ id: sources.id, name: sources.name })
      .from(sources)
      .where(eq(sources.id, target.sourceId));
    if (!row) throw new NotFoundError(`No source with id ${target.sourceId}`);
    return { ...row, created: false };
  }
  const name = target.speaker.name.trim();
  if (!name)
    throw new InvalidInputError('Speaker name is empty', [{ path: 'speaker.name', message: 'empty' }]);
  const key = sourceKey(name, target.speaker.kind, claim.url);
  const [before] = await tx.select({ id: sources.id }).from(sources).where(eq(sources.key, key));
  const ids = await upsertSources(tx, oneClaimDraft(claim.url, { speaker: { ...target.speaker, name } }));
  return { id: ids.get(0) as number, name, created: !before };
}

/**
 * Attributes a claim to another source, to a named speaker (found or created as an import
 * would), or to nobody (unresolved), in one transaction with an audit row.
 */
export async function correctClaimSpeaker(
  db: Database,
  claimId: number,
  target: SpeakerTarget,
): Promise<CurationAction> {
  return db.transaction(async (tx) => {
    const claim = await lockClaim(tx, claimId);
    const next = await resolveSpeaker(tx, claim, target);
    await recountingClaimIds(tx, [claimId], () =>
      executeRows(tx, sql`update claims set source_id = ${next.id} where id = ${claimId}`),
    );
    const touched = [claim.sourceId, next.id].filter((id) => id !== null).map((id) => `source:${id}`);
    return recordCuration(tx, 'CORRECT_SPEAKER', {
      claimId,
      previousSourceId: claim.sourceId,
      newSourceId: next.id,
      createdSourceId: next.created ? next.id : null,
      previousName: claim.sourceName,
      newName: next.name,
      touches: [`claim:${claimId}`, ...touched],
    } satisfies CorrectSpeakerPayload);
  });
}

export interface PlacesTarget {
  locationIds?: number[] | null;
  placeNames?: string[] | null;
}

/** Location ids and mention words for a places correction; names resolve through the gazetteer as on import. */
async function resolvePlaces(tx: Queryable, gazetteer: Gazetteer, claim: ClaimHead, target: PlacesTarget) {
  const ids = [...new Set(target.locationIds ?? [])];
  const known = ids.length
    ? await tx
        .select({ id: locations.id, name: locations.name })
        .from(locations)
        .where(inArray(locations.id, ids))
    : [];
  const missing = ids.filter((id) => !known.some((k) => k.id === id));
  if (missing.length) throw new NotFoundError(`No location with id ${missing.join(', ')}`);
  const names = [...new Set((target.placeNames ?? []).map((n) => n.trim()))];
  if (names.some((n) => !n))
    throw new InvalidInputError('A place name is empty', [{ path: 'placeNames', message: 'empty name' }]);
  if (names.length === 0) return known.map((k) => ({ locationId: k.id, mention: k.name }));
  const places = names.map((name) => ({
    name,
    asWritten: name,
    start: claim.start,
    end: claim.end,
    coref: false,
    placeKey: null,
  }));
  const { mentionIds } = await upsertPlaces(tx, oneClaimDraft(claim.url, { places }), gazetteer, true);
  const named = names.map((name, j) => ({ locationId: mentionIds.get(`0:${j}`) as number, mention: name }));
  return [...known.map((k) => ({ locationId: k.id, mention: k.name })), ...named];
}

/**
 * Replaces the places a claim is about, by location id and/or by name (resolved through the
 * gazetteer like an import; unknown names become local places). Each new mention spans the
 * claim and reads as the place's name. One transaction with an audit row.
 */
export async function correctClaimPlaces(
  db: Database,
  gazetteer: Gazetteer,
  claimId: number,
  target: PlacesTarget,
): Promise<CurationAction> {
  if (target.locationIds == null && target.placeNames == null)
    throw new InvalidInputError('Give locationIds, placeNames or both (empty lists clear the places)', [
      { path: 'locationIds', message: 'missing' },
    ]);
  return db.transaction(async (tx) => {
    const claim = await lockClaim(tx, claimId);
    const wanted = await resolvePlaces(tx, gazetteer, claim, target);
    const rows = wanted.map((w) => ({ claimId, ...w, startOffset: claim.start, endOffset: claim.end }));
    const { deleted, inserted } = await recountingClaimIds(tx, [claimId], async () => {
      const deleted = await executeRows<{ row: Record<string, unknown> }>(
        tx,
        sql`delete from claim_locations cl where cl.claim_id = ${claimId} returning to_jsonb(cl) as row`,
      );
      const inserted = rows.length
        ? await tx.insert(claimLocations).values(rows).returning({ id: claimLocations.id })
        : [];
      return { deleted, inserted };
    });
    const locationIds = new Set([
      ...deleted.map((d) => d.row.location_id as number),
      ...wanted.map((w) => w.locationId),
    ]);
    return recordCuration(tx, 'CORRECT_PLACES', {
      claimId,
      deletedMentions: deleted.map((d) => d.row),
      insertedMentionIds: inserted.map((r) => r.id),
      newMentions: wanted.map((w) => w.mention),
      touches: [`claim:${claimId}`, ...[...locationIds].map((id) => `location:${id}`)],
    } satisfies CorrectPlacesPayload);
  });
}

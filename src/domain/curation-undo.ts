import { eq, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../db/client.js';
import { executeRows } from '../db/execute.js';
import { type CurationAction, curationActions } from '../db/schema/index.js';
import {
  deleteClosure,
  insertClosure,
  type MergeLocationsPayload,
  type MergeSourcesPayload,
  type TouchedPayload,
} from './curation.js';
import type { CorrectPlacesPayload, CorrectSpeakerPayload } from './curation-corrections.js';
import { DomainError, InvalidInputError, NotFoundError } from './errors.js';
import { claimIdsWithin, recountingClaimIds } from './location-speaker-counts.js';

/** The graph changed since an action in a way its undo cannot reverse cleanly. */
export class ConflictError extends DomainError {
  constructor(message: string) {
    super(message, 'CONFLICT');
  }
}

type RestorableTable = 'sources' | 'source_aliases' | 'locations' | 'location_aliases' | 'claim_locations';

/** Recreates a deleted row with its original id (ids are identity columns); CONFLICT if taken. */
async function restoreRow(tx: Queryable, table: 'sources' | 'locations', row: Record<string, unknown>) {
  const restored = await executeRows<{ id: number }>(
    tx,
    sql`insert into ${sql.identifier(table)} overriding system value
      select * from jsonb_populate_record(null::${sql.identifier(table)}, ${JSON.stringify(row)}::jsonb)
      on conflict do nothing returning id`,
  );
  if (restored.length === 0)
    throw new ConflictError(
      `Cannot recreate ${table} row ${row.id} ("${row.name}"): its id or key is taken again`,
    );
}

/** Recreates deleted rows as they were; rows that exist again are left alone. */
function restoreRows(tx: Queryable, table: RestorableTable, rows: Record<string, unknown>[]) {
  const overriding = table === 'claim_locations' ? sql`overriding system value` : sql``;
  return executeRows(
    tx,
    sql`insert into ${sql.identifier(table)} ${overriding}
      select * from jsonb_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(rows)}::jsonb)
      on conflict do nothing`,
  );
}

const ints = (ids: number[]) => sql`${sql.param(ids)}::int[]`;
const texts = (keys: string[]) => sql`${sql.param(keys)}::text[]`;

async function undoMergeSources(tx: Queryable, p: MergeSourcesPayload) {
  const mergedId = p.deleted.id as number;
  await restoreRow(tx, 'sources', p.deleted);
  await restoreRows(tx, 'source_aliases', p.deletedAliases);
  await executeRows(
    tx,
    sql`delete from source_aliases where source_id = ${p.keepId} and alias_key = any(${texts(p.addedAliasKeys)})`,
  );
  await executeRows(
    tx,
    sql`update claims set source_id = ${mergedId} where id = any(${ints(p.movedClaimIds)}) and source_id = ${p.keepId}`,
  );
}

async function undoMergeLocations(tx: Queryable, p: MergeLocationsPayload) {
  const mergedId = p.deleted.id as number;
  await restoreRow(tx, 'locations', p.deleted);
  await restoreRows(tx, 'location_aliases', p.deletedAliases);
  await executeRows(
    tx,
    sql`delete from location_aliases where location_id = ${p.keepId} and alias_key = any(${texts(p.addedAliasKeys)})`,
  );
  await executeRows(
    tx,
    sql`update claim_locations set location_id = ${mergedId}
      where id = any(${ints(p.movedClaimLocationIds)}) and location_id = ${p.keepId}`,
  );
  await executeRows(
    tx,
    sql`update locations set parent_id = ${mergedId} where id = any(${ints(p.movedChildIds)}) and parent_id = ${p.keepId}`,
  );
  await deleteClosure(tx, p.insertedClosure);
  await insertClosure(tx, p.deletedClosure);
}

async function undoCorrectSpeaker(tx: Queryable, p: CorrectSpeakerPayload) {
  const reverted = await executeRows(
    tx,
    sql`update claims set source_id = ${p.previousSourceId}
      where id = ${p.claimId} and source_id is not distinct from ${p.newSourceId}::int returning id`,
  );
  if (reverted.length === 0)
    throw new ConflictError(`Claim ${p.claimId} is gone or its speaker changed since`);
  if (p.createdSourceId !== null)
    await executeRows(
      tx,
      sql`delete from sources s where s.id = ${p.createdSourceId}
        and not exists (select 1 from claims c where c.source_id = s.id)`,
    );
}

async function undoCorrectPlaces(tx: Queryable, p: CorrectPlacesPayload) {
  const [claim] = await executeRows(tx, sql`select id from claims where id = ${p.claimId} for update`);
  if (!claim) throw new ConflictError(`Claim ${p.claimId} is gone (its article was re-imported?)`);
  await executeRows(tx, sql`delete from claim_locations where id = any(${ints(p.insertedMentionIds)})`);
  await restoreRows(tx, 'claim_locations', p.deletedMentions);
}

const undoers: Record<CurationAction['kind'], (tx: Queryable, payload: never) => Promise<void>> = {
  MERGE_SOURCES: undoMergeSources,
  MERGE_LOCATIONS: undoMergeLocations,
  CORRECT_SPEAKER: undoCorrectSpeaker,
  CORRECT_PLACES: undoCorrectPlaces,
};

/** The claims whose counted speaker or places an undo can change, read before it runs. */
const rescopedByUndo: Record<CurationAction['kind'], (tx: Queryable, payload: never) => Promise<number[]>> = {
  MERGE_SOURCES: async (_tx, p: MergeSourcesPayload) => p.movedClaimIds,
  // The merged place's mentions and child places sit under the kept place until the undo.
  MERGE_LOCATIONS: (tx, p: MergeLocationsPayload) => claimIdsWithin(tx, p.keepId),
  CORRECT_SPEAKER: async (_tx, p: CorrectSpeakerPayload) => [p.claimId],
  CORRECT_PLACES: async (_tx, p: CorrectPlacesPayload) => [p.claimId],
};

/** CONFLICT when a later action, still in force, touched anything this one touched: undo newest first. */
async function refuseIfOvertaken(tx: Queryable, action: CurationAction) {
  const touches = (action.payload as TouchedPayload).touches ?? [];
  const [later] = await executeRows<{ id: number }>(
    tx,
    sql`select id from curation_actions a where a.id > ${action.id} and a.undone_at is null
      and exists (select 1 from jsonb_array_elements_text(a.payload->'touches') t(v) where t.v = any(${texts(touches)}))
      order by a.id limit 1`,
  );
  if (later)
    throw new ConflictError(`Curation action ${later.id} changed the same records later; undo it first`);
}

/**
 * Reverses a curation action from its audit payload, in one transaction, and marks it undone.
 * Undoing twice is BAD_USER_INPUT; an action overtaken by a later one on the same records, or
 * whose deleted row cannot come back (its key was taken again), is CONFLICT.
 */
export async function undoCuration(db: Database, actionId: number): Promise<CurationAction> {
  return db.transaction(async (tx) => {
    const [action] = await tx
      .select()
      .from(curationActions)
      .where(eq(curationActions.id, actionId))
      .for('update');
    if (!action) throw new NotFoundError(`No curation action with id ${actionId}`);
    if (action.undoneAt)
      throw new InvalidInputError(`Curation action ${actionId} is already undone`, [
        { path: 'actionId', message: 'already undone' },
      ]);
    await refuseIfOvertaken(tx, action);
    const rescoped = await rescopedByUndo[action.kind](tx, action.payload as never);
    await recountingClaimIds(tx, rescoped, () => undoers[action.kind](tx, action.payload as never));
    const [row] = await tx
      .update(curationActions)
      .set({ undoneAt: sql`now()` })
      .where(eq(curationActions.id, actionId))
      .returning();
    return row;
  });
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const names = (words: unknown[]) => words.join(', ') || 'none';

/** One line saying what an action did, from its payload. */
export function describeCuration(action: Pick<CurationAction, 'kind' | 'payload'>): string {
  switch (action.kind) {
    case 'MERGE_SOURCES': {
      const p = action.payload as MergeSourcesPayload;
      return `Merged source "${p.deleted.name}" into "${p.keepName}": ${plural(p.movedClaimIds.length, 'claim')} moved, ${plural(p.addedAliasKeys.length, 'name')} added`;
    }
    case 'MERGE_LOCATIONS': {
      const p = action.payload as MergeLocationsPayload;
      return `Merged location "${p.deleted.name}" into "${p.keepName}": ${plural(p.movedClaimLocationIds.length, 'mention')} and ${plural(p.movedChildIds.length, 'child place')} moved`;
    }
    case 'CORRECT_SPEAKER': {
      const p = action.payload as CorrectSpeakerPayload;
      return `Claim ${p.claimId}: speaker ${p.previousName ?? 'unresolved'} -> ${p.newName ?? 'unresolved'}`;
    }
    case 'CORRECT_PLACES': {
      const p = action.payload as CorrectPlacesPayload;
      return `Claim ${p.claimId}: places ${names(p.deletedMentions.map((m) => m.mention))} -> ${names(p.newMentions)}`;
    }
  }
}

import { eq, inArray, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../db/client.js';
import { executeRows } from '../db/execute.js';
import { type CurationAction, claims, curationActions, locations, sources } from '../db/schema/index.js';
import { InvalidInputError, NotFoundError } from './errors.js';
import { claimIdsWithin, recountingClaimIds } from './location-speaker-counts.js';
import { nameKey, placeAliasKey } from './names.js';

/** What every payload carries: the entities an action touched ("source:3", "claim:12"). */
export interface TouchedPayload {
  touches: string[];
}

export interface MergeSourcesPayload extends TouchedPayload {
  keepId: number;
  keepName: string;
  /** The deleted source row (snake_case columns) and its aliases, to recreate on undo. */
  deleted: Record<string, unknown>;
  deletedAliases: Record<string, unknown>[];
  movedClaimIds: number[];
  addedAliasKeys: string[];
}

export interface ClosureRow {
  location_id: number;
  ancestor_id: number;
  depth: number;
}

export interface MergeLocationsPayload extends TouchedPayload {
  keepId: number;
  keepName: string;
  deleted: Record<string, unknown>;
  deletedAliases: Record<string, unknown>[];
  movedClaimLocationIds: number[];
  movedChildIds: number[];
  addedAliasKeys: string[];
  deletedClosure: ClosureRow[];
  insertedClosure: ClosureRow[];
}

/** Writes the audit row of an action inside its transaction. */
export async function recordCuration<P extends TouchedPayload>(
  tx: Queryable,
  kind: CurationAction['kind'],
  payload: P,
): Promise<CurationAction> {
  const [row] = await tx.insert(curationActions).values({ kind, payload }).returning();
  return row;
}

function rejectSelfMerge(keepId: number, mergeId: number, what: string): void {
  if (keepId === mergeId)
    throw new InvalidInputError(`Cannot merge a ${what} into itself`, [
      { path: 'mergeId', message: 'must differ from keepId' },
    ]);
}

/** Locks both rows of a merge and fails with NOT_FOUND naming the missing ids. */
function requireBoth<T extends { id: number }>(rows: T[], keepId: number, mergeId: number, what: string) {
  const keep = rows.find((r) => r.id === keepId);
  const merged = rows.find((r) => r.id === mergeId);
  const missing = [keep ? null : keepId, merged ? null : mergeId].filter((id) => id !== null);
  if (!keep || !merged) throw new NotFoundError(`No ${what} with id ${missing.join(', ')}`);
  return { keep, merged };
}

/**
 * Merges source `mergeId` into `keepId` in one transaction: its claims move to the kept source,
 * every name it had becomes an alias of the kept one, and it is deleted. Eight statements.
 */
export async function mergeSources(db: Database, keepId: number, mergeId: number): Promise<CurationAction> {
  rejectSelfMerge(keepId, mergeId, 'source');
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: sources.id, name: sources.name })
      .from(sources)
      .where(inArray(sources.id, [keepId, mergeId]))
      .for('update');
    const { keep, merged } = requireBoth(rows, keepId, mergeId, 'source');
    const movingIds = (
      await tx.select({ id: claims.id }).from(claims).where(eq(claims.sourceId, mergeId))
    ).map((r) => r.id);
    const moved = await recountingClaimIds(tx, movingIds, () =>
      tx
        .update(claims)
        .set({ sourceId: keepId })
        .where(eq(claims.sourceId, mergeId))
        .returning({ id: claims.id }),
    );
    const added = await executeRows<{ aliasKey: string }>(
      tx,
      sql`insert into source_aliases (source_id, alias, alias_key)
        select ${keepId}::int, alias, alias_key from source_aliases where source_id = ${mergeId}
        union select ${keepId}::int, ${merged.name}::text, ${nameKey(merged.name)}::text where ${nameKey(merged.name)} <> ''
        on conflict do nothing returning alias_key as "aliasKey"`,
    );
    const [deleted] = await deleteReturningRow(tx, 'sources', 'source_aliases', 'source_id', mergeId);
    return recordCuration(tx, 'MERGE_SOURCES', {
      keepId,
      keepName: keep.name,
      deleted: deleted.row,
      deletedAliases: deleted.aliases,
      movedClaimIds: moved.map((r) => r.id),
      addedAliasKeys: added.map((r) => r.aliasKey),
      touches: [`source:${keepId}`, `source:${mergeId}`],
    } satisfies MergeSourcesPayload);
  });
}

/** Deletes one row and returns it, with its alias rows as they were, as JSON. */
function deleteReturningRow(
  tx: Queryable,
  table: 'sources' | 'locations',
  aliasTable: 'source_aliases' | 'location_aliases',
  aliasColumn: 'source_id' | 'location_id',
  id: number,
) {
  return executeRows<{ row: Record<string, unknown>; aliases: Record<string, unknown>[] }>(
    tx,
    sql`with a as (
        select coalesce(jsonb_agg(to_jsonb(x)), '[]'::jsonb) as aliases
        from ${sql.identifier(aliasTable)} x where ${sql.identifier(aliasColumn)} = ${id})
      delete from ${sql.identifier(table)} t where t.id = ${id}
      returning to_jsonb(t) as row, (select aliases from a) as aliases`,
  );
}

/**
 * The closure rows a location merge removes and adds: every (place inside or equal to the merged
 * one, place containing or equal to it) pair goes; every place strictly inside it gets the kept
 * place and the kept place's ancestors instead, at the depth through the kept place.
 */
export function closureChange(closure: ClosureRow[], keepId: number, mergeId: number) {
  const mergedAncestors = closure.filter((r) => r.location_id === mergeId).map((r) => r.ancestor_id);
  const inside = closure.filter((r) => r.ancestor_id === mergeId);
  const keepChain = closure.filter((r) => r.location_id === keepId);
  const remove = closure.filter(
    (r) => mergedAncestors.includes(r.ancestor_id) && inside.some((d) => d.location_id === r.location_id),
  );
  const add = inside
    .filter((d) => d.location_id !== mergeId)
    .flatMap((d) =>
      keepChain.map((k) => ({
        location_id: d.location_id,
        ancestor_id: k.ancestor_id,
        depth: d.depth + k.depth,
      })),
    );
  return { remove, add };
}

/** Rows of the closure a location merge reads: both places' chains and everything inside the merged one. */
async function closureAround(tx: Queryable, keepId: number, mergeId: number): Promise<ClosureRow[]> {
  return executeRows<ClosureRow>(
    tx,
    sql`select location_id, ancestor_id, depth from location_ancestors
      where location_id in (${keepId}, ${mergeId})
        or location_id in (select location_id from location_ancestors where ancestor_id = ${mergeId})`,
  );
}

/** Rows as two id arrays plus depths, so a set of pairs is one statement. */
export function pairs(rows: ClosureRow[]) {
  return {
    loc: sql.param(rows.map((r) => r.location_id)),
    anc: sql.param(rows.map((r) => r.ancestor_id)),
    depth: sql.param(rows.map((r) => r.depth)),
  };
}

/** Deletes closure pairs, returning the rows that were there. */
export function deleteClosure(tx: Queryable, rows: ClosureRow[]) {
  const p = pairs(rows);
  return executeRows<ClosureRow>(
    tx,
    sql`delete from location_ancestors where (location_id, ancestor_id) in
      (select * from unnest(${p.loc}::int[], ${p.anc}::int[]))
      returning location_id, ancestor_id, depth`,
  );
}

/** Inserts closure rows that are not there yet, returning the ones written. */
export function insertClosure(tx: Queryable, rows: ClosureRow[]) {
  const p = pairs(rows);
  return executeRows<ClosureRow>(
    tx,
    sql`insert into location_ancestors (location_id, ancestor_id, depth)
      select * from unnest(${p.loc}::int[], ${p.anc}::int[], ${p.depth}::int[])
      on conflict do nothing returning location_id, ancestor_id, depth`,
  );
}

function containsOther(closure: ClosureRow[], a: number, b: number): boolean {
  return closure.some(
    (r) =>
      r.depth > 0 &&
      ((r.location_id === a && r.ancestor_id === b) || (r.location_id === b && r.ancestor_id === a)),
  );
}

/** Points claim mentions, spellings and child places of the merged place at the kept one. */
async function moveLocationReferences(tx: Queryable, keepId: number, mergeId: number, mergedName: string) {
  const moved = await executeRows<{ id: number }>(
    tx,
    sql`update claim_locations set location_id = ${keepId} where location_id = ${mergeId} returning id`,
  );
  const key = placeAliasKey(mergedName);
  const added = await executeRows<{ aliasKey: string }>(
    tx,
    sql`insert into location_aliases (location_id, alias, alias_key)
      select ${keepId}::int, alias, alias_key from location_aliases where location_id = ${mergeId}
      union select ${keepId}::int, ${mergedName}::text, ${key}::text where ${key} <> ''
      on conflict do nothing returning alias_key as "aliasKey"`,
  );
  const children = await tx
    .update(locations)
    .set({ parentId: keepId })
    .where(eq(locations.parentId, mergeId))
    .returning({ id: locations.id });
  return {
    movedClaimLocationIds: moved.map((r) => r.id),
    addedAliasKeys: added.map((r) => r.aliasKey),
    movedChildIds: children.map((r) => r.id),
  };
}

/**
 * Merges location `mergeId` into `keepId` in one transaction: claim mentions, spellings and
 * child places move to the kept place, the containment closure is rewritten through it, and
 * the merged place is deleted. Refused when one place contains the other (the tree would loop).
 * Twelve statements.
 */
export async function mergeLocations(db: Database, keepId: number, mergeId: number): Promise<CurationAction> {
  rejectSelfMerge(keepId, mergeId, 'location');
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: locations.id, name: locations.name })
      .from(locations)
      .where(inArray(locations.id, [keepId, mergeId]))
      .for('update');
    const { keep, merged } = requireBoth(rows, keepId, mergeId, 'location');
    const closure = await closureAround(tx, keepId, mergeId);
    if (containsOther(closure, keepId, mergeId))
      throw new InvalidInputError('Cannot merge a place with a place that contains it', [
        { path: 'mergeId', message: 'one location contains the other' },
      ]);
    const change = closureChange(closure, keepId, mergeId);
    const rescoped = await claimIdsWithin(tx, mergeId);
    const { moved, deletedClosure, insertedClosure, deleted } = await recountingClaimIds(
      tx,
      rescoped,
      async () => {
        const moved = await moveLocationReferences(tx, keepId, mergeId, merged.name);
        const deletedClosure = await deleteClosure(tx, change.remove);
        const insertedClosure = await insertClosure(tx, change.add);
        const [deleted] = await deleteReturningRow(
          tx,
          'locations',
          'location_aliases',
          'location_id',
          mergeId,
        );
        return { moved, deletedClosure, insertedClosure, deleted };
      },
    );
    return recordCuration(tx, 'MERGE_LOCATIONS', {
      keepId,
      keepName: keep.name,
      deleted: deleted.row,
      deletedAliases: deleted.aliases,
      ...moved,
      deletedClosure,
      insertedClosure,
      touches: [`location:${keepId}`, `location:${mergeId}`],
    } satisfies MergeLocationsPayload);
  });
}

import { decodeGlobalID } from '@pothos/plugin-relay';
import { type CurationAction, curationActions } from '../../db/schema/index.js';
import { mergeLocations, mergeSources } from '../../domain/curation.js';
import {
  correctClaimPlaces,
  correctClaimSpeaker,
  type SpeakerTarget,
} from '../../domain/curation-corrections.js';
import { describeCuration, undoCuration } from '../../domain/curation-undo.js';
import { InvalidInputError } from '../../domain/errors.js';
import { builder } from '../builder.js';
import { toGraphQLError } from '../errors.js';
import { ClaimRef } from './claim.js';
import { SourceKindEnum } from './enums.js';
import { LocationRef } from './location.js';
import { SourceRef } from './source.js';

export const CurationKindEnum = builder.enumType('CurationKind', {
  description: 'What a curation action did.',
  values: {
    MERGE_SOURCES: { description: 'Two sources became one.' },
    MERGE_LOCATIONS: { description: 'Two locations became one.' },
    CORRECT_SPEAKER: { description: "A claim's speaker was corrected." },
    CORRECT_PLACES: { description: "A claim's places were replaced." },
  } as const,
});

export const CurationActionRef = builder.drizzleNode('curationActions', {
  name: 'CurationAction',
  description: 'An audited hand correction of the graph; `undoCuration` reverses it.',
  id: { column: (action) => action.id },
  fields: (t) => ({
    kind: t.expose('kind', { type: CurationKindEnum, description: 'What the action did.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was done.' }),
    undoneAt: t.expose('undoneAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was undone, if it was.',
    }),
    summary: t.string({
      description:
        'One line saying what moved, e.g. `Merged source "Dillon" into "Ryan Dillon": 2 claims moved`.',
      select: { columns: { kind: true, payload: true } },
      resolve: (action) => describeCuration(action),
    }),
  }),
});

/** The database id inside a Relay global id of the expected type; BAD_USER_INPUT otherwise. */
function idOf(globalId: string, typename: string, path: string): number {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    throw new InvalidInputError(`${path} is not a valid ID`, [{ path, message: 'not a global ID' }]);
  }
  const id = Number(decoded.id);
  if (decoded.typename !== typename || !Number.isSafeInteger(id))
    throw new InvalidInputError(`${path} must be a ${typename} ID, got a ${decoded.typename} ID`, [
      { path, message: `expected a ${typename} ID` },
    ]);
  return id;
}

/** Runs a curation step, turning expected failures into coded GraphQL errors. */
async function curate<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    return toGraphQLError(error);
  }
}

const SpeakerCorrectionInput = builder.inputType('SpeakerCorrectionInput', {
  description: 'A speaker by name, found or created the way an import would.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Canonical name, e.g. "Ryan Dillon".' }),
    kind: t.field({ type: SourceKindEnum, required: true, description: 'What kind of source it is.' }),
  }),
});

interface CurationResult {
  action: CurationAction;
  entityId: number | null;
}

const MergeSourcesPayload = builder.objectRef<CurationResult>('MergeSourcesPayload').implement({
  description: 'Result of mergeSources.',
  fields: (t) => ({
    action: t.field({
      type: CurationActionRef,
      description: 'The audit row; pass its id to undoCuration.',
      resolve: (r) => r.action,
    }),
    source: t.drizzleField({
      type: SourceRef,
      description: "The kept source, now with the merged one's claims and names.",
      resolve: async (query, r, _args, ctx) =>
        (await ctx.db.query.sources.findFirst(query({ where: { id: r.entityId as number } })))!,
    }),
  }),
});

const MergeLocationsPayload = builder.objectRef<CurationResult>('MergeLocationsPayload').implement({
  description: 'Result of mergeLocations.',
  fields: (t) => ({
    action: t.field({
      type: CurationActionRef,
      description: 'The audit row; pass its id to undoCuration.',
      resolve: (r) => r.action,
    }),
    location: t.drizzleField({
      type: LocationRef,
      description: "The kept location, now with the merged one's mentions, spellings and children.",
      resolve: async (query, r, _args, ctx) =>
        (await ctx.db.query.locations.findFirst(query({ where: { id: r.entityId as number } })))!,
    }),
  }),
});

const CorrectClaimPayload = builder.objectRef<CurationResult>('CorrectClaimPayload').implement({
  description: 'Result of correctClaimSpeaker or correctClaimPlaces.',
  fields: (t) => ({
    action: t.field({
      type: CurationActionRef,
      description: 'The audit row; pass its id to undoCuration.',
      resolve: (r) => r.action,
    }),
    claim: t.drizzleField({
      type: ClaimRef,
      description: 'The corrected claim.',
      resolve: async (query, r, _args, ctx) =>
        (await ctx.db.query.claims.findFirst(query({ where: { id: r.entityId as number } })))!,
    }),
  }),
});

/** Exactly one of sourceId / speaker, or neither for "unresolved". */
function speakerTarget(sourceId: string | null | undefined, speaker: SpeakerTarget | null): SpeakerTarget {
  if (sourceId != null && speaker)
    throw new InvalidInputError('Give sourceId or speaker, not both', [
      { path: 'speaker', message: 'conflicts with sourceId' },
    ]);
  if (sourceId != null) return { sourceId: idOf(sourceId, 'Source', 'sourceId') };
  return speaker ?? { unresolved: true };
}

builder.mutationFields((t) => ({
  mergeSources: t.field({
    type: MergeSourcesPayload,
    description:
      'Merges source mergeId into keepId in one transaction: its claims move, its names become aliases of the kept source, and it is deleted. Audited and reversible with undoCuration. Errors: NOT_FOUND, BAD_USER_INPUT (same id, wrong ID type).',
    args: {
      keepId: t.arg.id({ required: true, description: 'The Source that stays.' }),
      mergeId: t.arg.id({ required: true, description: 'The Source merged into it and deleted.' }),
    },
    resolve: (_root, args, ctx) =>
      curate(async () => {
        const keepId = idOf(String(args.keepId), 'Source', 'keepId');
        const action = await mergeSources(ctx.db, keepId, idOf(String(args.mergeId), 'Source', 'mergeId'));
        return { action, entityId: keepId };
      }),
  }),
  mergeLocations: t.field({
    type: MergeLocationsPayload,
    description:
      'Merges location mergeId into keepId in one transaction: claim mentions, spellings and child places move, containment is rewritten through the kept place, and the merged one is deleted. Audited and reversible. Errors: NOT_FOUND, BAD_USER_INPUT (same id, wrong ID type, one place containing the other).',
    args: {
      keepId: t.arg.id({ required: true, description: 'The Location that stays.' }),
      mergeId: t.arg.id({ required: true, description: 'The Location merged into it and deleted.' }),
    },
    resolve: (_root, args, ctx) =>
      curate(async () => {
        const keepId = idOf(String(args.keepId), 'Location', 'keepId');
        const action = await mergeLocations(
          ctx.db,
          keepId,
          idOf(String(args.mergeId), 'Location', 'mergeId'),
        );
        return { action, entityId: keepId };
      }),
  }),
  correctClaimSpeaker: t.field({
    type: CorrectClaimPayload,
    description:
      'Re-attributes a claim: to an existing source (sourceId), to a named speaker found or created as an import would (speaker), or to nobody when neither is given (unresolved). Audited and reversible. Errors: NOT_FOUND, BAD_USER_INPUT (both given, wrong ID type, empty name).',
    args: {
      claimId: t.arg.id({ required: true, description: 'The Claim to correct.' }),
      sourceId: t.arg.id({ description: 'An existing Source.' }),
      speaker: t.arg({ type: SpeakerCorrectionInput, description: 'A speaker by name and kind.' }),
    },
    resolve: (_root, args, ctx) =>
      curate(async () => {
        const claimId = idOf(String(args.claimId), 'Claim', 'claimId');
        const speaker = args.speaker
          ? { speaker: { name: args.speaker.name, kind: args.speaker.kind } }
          : null;
        const target = speakerTarget(args.sourceId == null ? null : String(args.sourceId), speaker);
        return { action: await correctClaimSpeaker(ctx.db, claimId, target), entityId: claimId };
      }),
  }),
  correctClaimPlaces: t.field({
    type: CorrectClaimPayload,
    description:
      'Replaces the places a claim is about with locationIds and/or placeNames (resolved through the gazetteer as on import; each new mention spans the claim). Empty lists clear the places. Audited and reversible. Errors: NOT_FOUND, BAD_USER_INPUT (neither given, wrong ID type, empty name).',
    args: {
      claimId: t.arg.id({ required: true, description: 'The Claim to correct.' }),
      locationIds: t.arg.idList({ description: 'Locations already in the graph.' }),
      placeNames: t.arg.stringList({ description: 'Place names in any spelling.' }),
    },
    resolve: (_root, args, ctx) =>
      curate(async () => {
        const claimId = idOf(String(args.claimId), 'Claim', 'claimId');
        const locationIds = args.locationIds?.map((id, i) =>
          idOf(String(id), 'Location', `locationIds[${i}]`),
        );
        const target = { locationIds, placeNames: args.placeNames };
        return {
          action: await correctClaimPlaces(ctx.db, ctx.gazetteer, claimId, target),
          entityId: claimId,
        };
      }),
  }),
  undoCuration: t.field({
    type: CurationActionRef,
    description:
      'Reverses a curation action from its audit row and marks it undone. Errors: NOT_FOUND; BAD_USER_INPUT when already undone; CONFLICT when a later action on the same records is still in force (undo newest first) or a deleted row cannot come back.',
    args: { actionId: t.arg.id({ required: true, description: 'The CurationAction to undo.' }) },
    resolve: (_root, args, ctx) =>
      curate(() => undoCuration(ctx.db, idOf(String(args.actionId), 'CurationAction', 'actionId'))),
  }),
}));

builder.queryFields((t) => ({
  curationActions: t.drizzleConnection({
    type: CurationActionRef,
    description: 'Curation actions, newest first (undone ones included, with undoneAt set).',
    totalCount: (_parent, _args, ctx) => ctx.db.$count(curationActions),
    resolve: (query, _root, _args, ctx) =>
      ctx.db.query.curationActions.findMany(query({ orderBy: { id: 'desc' } })) as unknown as Promise<
        CurationAction[]
      >,
  }),
}));

import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, snakeCase, text, unique } from 'drizzle-orm/pg-core';
import { locations } from './locations.js';
import { sources } from './sources.js';

/**
 * Claims per (place, speaker), kept up to date by every write: "which sources made claims about
 * this place" reads a few index rows instead of aggregating every claim in scope (127k claims for
 * a busy city at 1M). `contained` rows count claims about the place or anything inside it; the
 * others only claims naming the place itself. Each claim counts once per row however many of its
 * mentions fall in scope. Maintained by domain/location-speaker-counts.ts.
 */
export const locationSpeakerCounts = snakeCase.table(
  'location_speaker_counts',
  {
    // The unique key has a nullable column; the Drizzle plugin plans relations by primary key.
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    locationId: integer()
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    contained: boolean().notNull(),
    /** Null for claims whose speaker could not be resolved: they rank as one entry. */
    sourceId: integer().references(() => sources.id, { onDelete: 'cascade' }),
    /** lower(source name), the tie-break of the ranking, so the index alone gives the order. */
    sourceSortName: text(),
    /** Zero once every counted claim is gone; readers skip such rows. */
    claimCount: integer().notNull(),
    /** Unresolved rows only: how the speakers were written, with their claim counts ({"he": 3}). */
    speakerTextCounts: jsonb().$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    unique('location_speaker_counts_key').on(t.locationId, t.contained, t.sourceId).nullsNotDistinct(),
    // The ranking's exact order: most claims, then name, unresolved last among equals.
    index('location_speaker_counts_rank_idx')
      .on(
        t.locationId,
        t.contained,
        t.claimCount.desc(),
        t.sourceSortName.asc().nullsLast(),
        t.sourceId.asc().nullsLast(),
      )
      .where(sql`claim_count > 0`),
  ],
);

export type LocationSpeakerCount = typeof locationSpeakerCounts.$inferSelect;

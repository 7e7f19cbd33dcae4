import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, snakeCase, text, timestamp } from 'drizzle-orm/pg-core';
import { articles } from './articles.js';
import { claimZone, quoteKind } from './enums.js';
import { locations } from './locations.js';
import { sources } from './sources.js';

export const claims = snakeCase.table(
  'claims',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** Null when the speaker could not be resolved (e.g. "he" with no antecedent on the page). */
    sourceId: integer().references(() => sources.id, { onDelete: 'set null' }),
    speakerText: text(),
    text: text().notNull(),
    quote: quoteKind().notNull(),
    zone: claimZone().notNull().default('BODY'),
    startOffset: integer().notNull(),
    endOffset: integer().notNull(),
    via: text(),
    /** Date the text gives for the statement, else the article's publication date. */
    claimedAt: timestamp({ withTimezone: true }),
    /** claimedAt in epoch microseconds, -1 when unknown: the non-null keyset sort key. */
    claimedOrder: bigint({ mode: 'number' })
      .notNull()
      .generatedAlwaysAs(
        sql`coalesce((extract(epoch from (claimed_at - 'epoch'::timestamptz)) * 1000000)::bigint, -1)`,
      ),
    /** Position in the article, so claims list in reading order. */
    position: integer().notNull(),
  },
  (t) => [
    index('claims_article_id_idx').on(t.articleId, t.position),
    index('claims_source_id_idx').on(t.sourceId),
    index('claims_claimed_at_idx').on(t.claimedAt),
    index('claims_claimed_order_idx').on(t.claimedOrder, t.id),
    index('claims_source_claimed_order_idx').on(t.sourceId, t.claimedOrder),
  ],
);

/** A place a claim is about, with the mention as written and where it stands in the body. */
export const claimLocations = snakeCase.table(
  'claim_locations',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    claimId: integer()
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    locationId: integer()
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    mention: text().notNull(),
    startOffset: integer().notNull(),
    endOffset: integer().notNull(),
    coref: boolean().notNull().default(false),
  },
  (t) => [
    index('claim_locations_claim_id_idx').on(t.claimId),
    index('claim_locations_location_id_idx').on(t.locationId, t.claimId),
  ],
);

export type Claim = typeof claims.$inferSelect;
export type NewClaim = typeof claims.$inferInsert;
export type ClaimLocation = typeof claimLocations.$inferSelect;
export type NewClaimLocation = typeof claimLocations.$inferInsert;

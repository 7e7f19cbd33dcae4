import { boolean, index, integer, primaryKey, snakeCase, timestamp } from 'drizzle-orm/pg-core';
import { claims } from './claims.js';
import { locations } from './locations.js';

/**
 * The claims about each place, newest first, kept by the same writes as location_speaker_counts:
 * "claims about Eilat including places inside it" pages through an index instead of sorting
 * every claim in scope. `contained` rows list claims about the place or anything inside it; the
 * others only claims naming the place itself.
 */
export const locationClaims = snakeCase.table(
  'location_claims',
  {
    locationId: integer()
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    contained: boolean().notNull(),
    claimId: integer()
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    /** The claim's claimedAt, copied so the index alone gives the order. */
    claimedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.locationId, t.contained, t.claimId] }),
    index('location_claims_newest_idx').on(
      t.locationId,
      t.contained,
      t.claimedAt.desc().nullsLast(),
      t.claimId,
    ),
    index('location_claims_claim_id_idx').on(t.claimId),
  ],
);

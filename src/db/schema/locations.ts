import {
  type AnyPgColumn,
  bigint,
  doublePrecision,
  index,
  integer,
  primaryKey,
  snakeCase,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { locationKind } from './enums.js';

export const locations = snakeCase.table(
  'locations',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    /** Spelling key of the name: a city and the region named after it share one. */
    nameKey: text().notNull(),
    kind: locationKind().notNull(),
    countryCode: text(),
    parentId: integer().references((): AnyPgColumn => locations.id, { onDelete: 'set null' }),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    population: bigint({ mode: 'number' }),
    /** Gazetteer key (`gn:<geonameId>`, `a1:<CC>.<code>`, `cc:<CC>`); null for unresolved names. */
    gazetteerKey: text().unique(),
    geonameId: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('locations_parent_id_idx').on(t.parentId),
    index('locations_country_code_idx').on(t.countryCode),
    // Bounding-box prefilter of the radius and box searches (no PostGIS on PGlite).
    index('locations_lat_lon_idx').on(t.latitude, t.longitude),
  ],
);

/** Spellings of a place (GeoNames alternate names and every form seen in text). */
export const locationAliases = snakeCase.table(
  'location_aliases',
  {
    locationId: integer()
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    alias: text().notNull(),
    aliasKey: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.locationId, t.aliasKey] }),
    index('location_aliases_alias_key_idx').on(t.aliasKey),
  ],
);

/**
 * Closure of the containment tree, self included at depth 0: "claims about Syria including
 * places inside it" is one indexed join instead of a recursive walk per query.
 */
export const locationAncestors = snakeCase.table(
  'location_ancestors',
  {
    locationId: integer()
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    ancestorId: integer()
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    depth: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.locationId, t.ancestorId] }),
    index('location_ancestors_ancestor_id_idx').on(t.ancestorId, t.locationId),
  ],
);

export type Location = typeof locations.$inferSelect;
export type NewLocation = typeof locations.$inferInsert;

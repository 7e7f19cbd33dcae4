import { index, integer, primaryKey, snakeCase, text, timestamp } from 'drizzle-orm/pg-core';
import { sourceKind } from './enums.js';

export const sources = snakeCase.table(
  'sources',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    kind: sourceKind().notNull(),
    /**
     * Identity of the speaker across articles: a spelling key of the name, scoped to one
     * article for anonymous sources ("a military source" in two stories is two people).
     */
    key: text().notNull().unique(),
    affiliation: text(),
    description: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sources_kind_idx').on(t.kind), index('sources_name_idx').on(t.name)],
);

/** Every name a source was written as, so `source(name:)` finds it under any of them. */
export const sourceAliases = snakeCase.table(
  'source_aliases',
  {
    sourceId: integer()
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    alias: text().notNull(),
    aliasKey: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sourceId, t.aliasKey] }),
    index('source_aliases_alias_key_idx').on(t.aliasKey),
  ],
);

export type Source = typeof sources.$inferSelect;
export type NewSource = typeof sources.$inferInsert;

import { index, integer, jsonb, pgEnum, snakeCase, timestamp } from 'drizzle-orm/pg-core';

export const curationKind = pgEnum('curation_kind', [
  'MERGE_SOURCES',
  'MERGE_LOCATIONS',
  'CORRECT_SPEAKER',
  'CORRECT_PLACES',
]);

/**
 * Audit trail of hand corrections. `payload` holds exactly what moved and every deleted row, so
 * an action can be undone without guessing.
 */
export const curationActions = snakeCase.table(
  'curation_actions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    kind: curationKind().notNull(),
    payload: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('curation_actions_created_at_idx').on(t.createdAt, t.id)],
);

export type CurationAction = typeof curationActions.$inferSelect;
export type NewCurationAction = typeof curationActions.$inferInsert;

import { sql } from 'drizzle-orm';
import { bigint, index, integer, snakeCase, text, timestamp } from 'drizzle-orm/pg-core';

export const articles = snakeCase.table(
  'articles',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    url: text().notNull().unique(),
    title: text(),
    /** The stored text that every claim and mention offset indexes into. */
    body: text().notNull(),
    publishedAt: timestamp({ withTimezone: true }),
    /** Date a site banner showed when the page was scraped; not the publication date. */
    pageDate: timestamp({ withTimezone: true }),
    outlet: text(),
    /** sha256 of the input the article was built from; re-ingesting identical input is a no-op. */
    contentHash: text().notNull(),
    /**
     * publishedAt in epoch microseconds, -1 when unknown: a non-null, exact sort key, so keyset
     * cursors can page past articles without a date and keep sub-millisecond precision.
     */
    publishedOrder: bigint({ mode: 'number' })
      .notNull()
      .generatedAlwaysAs(
        sql`coalesce((extract(epoch from (published_at - 'epoch'::timestamptz)) * 1000000)::bigint, -1)`,
      ),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('articles_published_at_idx').on(t.publishedAt),
    index('articles_outlet_idx').on(sql`lower(${t.outlet})`),
    index('articles_published_order_idx').on(t.publishedOrder, t.id),
  ],
);

export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;

import { sql } from 'drizzle-orm';
import { index, integer, text, timestamp, snakeCase } from 'drizzle-orm/pg-core';

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
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('articles_published_at_idx').on(t.publishedAt),
    index('articles_outlet_idx').on(sql`lower(${t.outlet})`),
  ],
);

export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;

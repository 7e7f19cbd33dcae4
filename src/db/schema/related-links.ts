import { index, integer, snakeCase, text } from 'drizzle-orm/pg-core';
import { articles } from './articles.js';

/** "More news:" / "Read more:" lines: links from an article, never claims or places. */
export const relatedLinks = snakeCase.table(
  'related_links',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    url: text(),
    /** The linked article when it is in the graph too. */
    targetArticleId: integer().references(() => articles.id, { onDelete: 'set null' }),
    position: integer().notNull(),
  },
  (t) => [
    index('related_links_article_id_idx').on(t.articleId, t.position),
    index('related_links_target_article_id_idx').on(t.targetArticleId),
  ],
);

export type RelatedLink = typeof relatedLinks.$inferSelect;
export type NewRelatedLink = typeof relatedLinks.$inferInsert;

import { integer, snakeCase, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Bearer tokens for writes. Only the SHA-256 of a token is stored; the token itself is shown
 * once, when `npm run token -- create` makes it.
 */
export const apiTokens = snakeCase.table('api_tokens', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: text().notNull().unique(),
  tokenHash: text().notNull().unique(),
  /** Requests per minute; null means the server default (TOKEN_RATE_LIMIT_PER_MIN). */
  rateLimitPerMinute: integer(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp({ withTimezone: true }),
  lastUsedAt: timestamp({ withTimezone: true }),
});

export type ApiToken = typeof apiTokens.$inferSelect;
export type NewApiToken = typeof apiTokens.$inferInsert;

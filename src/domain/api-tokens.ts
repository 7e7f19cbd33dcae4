import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { type ApiToken, apiTokens } from '../db/schema/api-tokens.js';
import { DomainError, NotFoundError } from './errors.js';

/** SHA-256 (hex) of a bearer token: what the database stores and looks tokens up by. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface CreatedToken {
  name: string;
  /** The bearer token; shown once, never stored. */
  token: string;
}

/** Creates a named token; fails with DUPLICATE when the name is taken. */
export async function createApiToken(
  db: Queryable,
  name: string,
  options: { rateLimitPerMinute?: number } = {},
): Promise<CreatedToken> {
  const token = `ng_${randomBytes(32).toString('base64url')}`;
  const rows = await db
    .insert(apiTokens)
    .values({ name, tokenHash: hashToken(token), rateLimitPerMinute: options.rateLimitPerMinute ?? null })
    .onConflictDoNothing({ target: apiTokens.name })
    .returning({ id: apiTokens.id });
  if (rows.length === 0) throw new DomainError(`a token named "${name}" already exists`, 'DUPLICATE');
  return { name, token };
}

/** Revokes a token by name (it stays listed, with its revocation time). */
export async function revokeApiToken(db: Queryable, name: string): Promise<void> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.name, name), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (rows.length === 0) throw new NotFoundError(`no active token named "${name}"`);
}

/** Every token, revoked ones included, oldest first (hashes left out). */
export async function listApiTokens(db: Queryable): Promise<Omit<ApiToken, 'tokenHash'>[]> {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      rateLimitPerMinute: apiTokens.rateLimitPerMinute,
      createdAt: apiTokens.createdAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .orderBy(asc(apiTokens.id));
}

/**
 * The active (not revoked) token with this bearer value, marking it used; null when unknown
 * or revoked.
 */
export async function useApiToken(
  db: Queryable,
  token: string,
): Promise<Pick<ApiToken, 'name' | 'rateLimitPerMinute'> | null> {
  const rows = await db
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
    .returning({ name: apiTokens.name, rateLimitPerMinute: apiTokens.rateLimitPerMinute });
  return rows[0] ?? null;
}

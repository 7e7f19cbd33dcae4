import { timingSafeEqual } from 'node:crypto';
import { GraphQLError, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/client.js';
import { hashToken, useApiToken } from '../domain/api-tokens.js';
import type { AuthOptions } from './options.js';
import { RateLimiter } from './rate-limit.js';

/** Who made a request: a named database token, the admin token, or nobody. */
export type Caller =
  | { kind: 'token'; name: string; ratePerMinute: number }
  | { kind: 'admin' }
  | { kind: 'anonymous' };

function authError(message: string, code: string, status: number, headers?: Record<string, string>) {
  return new GraphQLError(message, { extensions: { code, http: { status, headers } } });
}

function bearer(request: Request): string | null | undefined {
  const header = request.headers.get('authorization');
  if (header === null) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(hashToken(a), 'hex'), Buffer.from(hashToken(b), 'hex'));
}

async function identify(db: Database, options: AuthOptions, request: Request): Promise<Caller> {
  const token = bearer(request);
  if (token === undefined) return { kind: 'anonymous' };
  if (token === null)
    throw authError('The Authorization header must be "Bearer <token>".', 'UNAUTHENTICATED', 401);
  if (options.adminToken && sameSecret(token, options.adminToken)) return { kind: 'admin' };
  const row = await useApiToken(db, token);
  if (!row) throw authError('Unknown or revoked token.', 'UNAUTHENTICATED', 401);
  return {
    kind: 'token',
    name: row.name,
    ratePerMinute: row.rateLimitPerMinute ?? options.defaultRatePerMinute,
  };
}

/**
 * Bearer-token auth: mutations always need a valid token, queries only when
 * `readsRequireToken`; a token that is sent must be valid even where none is needed. Each
 * database token is rate limited (the admin token is not).
 */
export function useAuth(db: Database, options: AuthOptions, limiter = new RateLimiter()): Plugin {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request: Request }).request;
      const kind = getOperationAST(args.document, args.operationName)?.operation ?? 'query';
      try {
        const caller = await identify(db, options, request);
        const needsToken = kind === 'mutation' || options.readsRequireToken;
        if (caller.kind === 'anonymous' && needsToken) {
          throw authError(
            `A bearer token is required for ${kind === 'mutation' ? 'mutations' : 'this server'}.`,
            'UNAUTHENTICATED',
            401,
            {
              'WWW-Authenticate': 'Bearer',
            },
          );
        }
        if (caller.kind === 'token') {
          const waitMs = limiter.take(caller.name, caller.ratePerMinute);
          if (waitMs > 0) {
            throw authError(
              `Rate limit of ${caller.ratePerMinute} requests a minute exceeded.`,
              'RATE_LIMITED',
              429,
              {
                'Retry-After': String(Math.ceil(waitMs / 1000)),
              },
            );
          }
        }
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        setResultAndStopExecution({ errors: [error] });
      }
    },
  };
}

import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ServerOptions } from '../options.js';

// graphql-armor reports violations as bare errors; give them a code clients can act on and the
// 400 status other validation errors get.
const tagged = [
  (_ctx: unknown, error: GraphQLError) =>
    Object.assign(error.extensions, { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } }),
];

/**
 * Depth, alias, directive and token limits (graphql-armor), and the "did you mean" field
 * suggestions switched off unless allowed. Armor's own cost limit is off: it ignores page
 * sizes, so `usePageCost` replaces it.
 */
export function useQueryLimits(options: ServerOptions): Plugin {
  const { limits } = options;
  return EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth, onReject: tagged },
    maxAliases: { n: limits.maxAliases, onReject: tagged },
    maxDirectives: { n: limits.maxDirectives, onReject: tagged },
    maxTokens: { n: limits.maxTokens, onReject: tagged },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: !options.fieldSuggestions },
  }) as Plugin;
}

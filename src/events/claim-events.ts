import { createRequire } from 'node:module';
import { createPubSub } from '@graphql-yoga/subscription';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { executeRows } from '../db/execute.js';

/** One claim written to the graph, with what subscribers filter on. */
export interface ClaimAddedEvent {
  claimId: number;
  articleId: number;
  sourceId: number | null;
  /** Places the claim is about. */
  locationIds: number[];
  /** Those places and every place containing them, for `includeContained` subscribers. */
  withinIds: number[];
}

/** Publishes and delivers claim events, in process or through Redis across server replicas. */
export interface ClaimEvents {
  /** Announces every claim of an article; call after the transaction that wrote them committed. */
  publishClaimsAdded(articleId: number): Promise<void>;
  /** Every claim event from now on, from any replica sharing the bus. */
  subscribe(): AsyncIterable<ClaimAddedEvent>;
  close(): Promise<void>;
}

export interface ClaimEventsOptions {
  /** Redis URL; without it, events stay in this process. */
  redisUrl?: string;
  /** Channel name prefix, so several deployments (or test runs) can share one Redis. */
  channelPrefix?: string;
}

type Topics = { [topic: string]: [ClaimAddedEvent] };

/**
 * Two Redis clients (publish, subscribe) and the event target over them. ioredis is loaded here,
 * only when REDIS_URL is set: it costs ~0.15 s and ~20 MB at start. Both packages ship CommonJS,
 * so require keeps this synchronous.
 */
function redisEventTarget(url: string) {
  const require = createRequire(import.meta.url);
  const { Redis } = require('ioredis') as typeof import('ioredis');
  const { createRedisEventTarget } =
    require('@graphql-yoga/redis-event-target') as typeof import('@graphql-yoga/redis-event-target');
  const clients = [new Redis(url), new Redis(url)];
  const eventTarget = createRedisEventTarget<CustomEvent>({
    publishClient: clients[0],
    subscribeClient: clients[1],
  });
  return { clients, eventTarget };
}

/**
 * The claim event bus of one server. Subscribers see only events published after they
 * subscribed; delivery is best effort (a replica that is down misses events).
 */
export function createClaimEvents(db: Queryable, options: ClaimEventsOptions = {}): ClaimEvents {
  const topic = `${options.channelPrefix ?? 'news-graph:'}claim-added`;
  const redis = options.redisUrl ? redisEventTarget(options.redisUrl) : null;
  const clients = redis?.clients ?? [];
  const eventTarget = redis?.eventTarget;
  const pubSub = createPubSub<Topics>(eventTarget ? { eventTarget } : undefined);
  return {
    async publishClaimsAdded(articleId) {
      for (const event of await claimEventsFor(db, articleId)) pubSub.publish(topic, event);
    },
    subscribe: () => pubSub.subscribe(topic),
    async close() {
      await Promise.all(clients.map((c) => c.quit()));
    },
  };
}

/** The events for an article's claims, with their places and containing places: one statement. */
export async function claimEventsFor(db: Queryable, articleId: number): Promise<ClaimAddedEvent[]> {
  return executeRows<ClaimAddedEvent>(
    db,
    sql`
    select c.id as "claimId", c.article_id as "articleId", c.source_id as "sourceId",
      coalesce(array_agg(distinct cl.location_id) filter (where cl.location_id is not null), '{}') as "locationIds",
      coalesce(array_agg(distinct la.ancestor_id) filter (where la.ancestor_id is not null), '{}') as "withinIds"
    from claims c
    left join claim_locations cl on cl.claim_id = c.id
    left join location_ancestors la on la.location_id = cl.location_id
    where c.article_id = ${articleId}
    group by c.id order by c.position`,
  );
}

import { type FieldNode, type GraphQLField, getNullableType, isListType } from 'graphql';
import { getArgumentValues } from 'graphql/execution/values.js';
import type { Database } from '../../db/client.js';
import { articleCondition, claimCondition } from '../../domain/filters.js';
import { locationByNameQuery } from '../../domain/locations.js';
import { closestLocationId } from '../../domain/search.js';
import { articleOrderBy, toArticleFilter, toClaimFilter } from '../types/filters.js';
import { connection, rankedSources, withTieBreaker } from './connections.js';
import {
  addRelation,
  emptyPlan,
  type FieldCompiler,
  NotCompiled,
  nodeType,
  query,
  type Row,
  type RowPlan,
  rowPlan,
  type Scope,
  selectedFields,
} from './plan.js';

// What the compiled path answers beyond plain columns: each entry mirrors its Pothos field in
// graphql/types/ (same relation, ordering and arguments); tests/graphql/compiled-reads.test.ts
// runs each both ways. A field missing here is answered by normal execution.

/** Fields beyond plain columns, keyed `Type.field`; each mirrors its Pothos definition. */
export const fieldCompilers: Record<string, FieldCompiler> = {
  'Claim.span': span,
  'PlaceMention.span': span,
  'Claim.source': oneRelation('source'),
  'Claim.article': oneRelation('article'),
  'PlaceMention.location': oneRelation('location'),
  'Location.parent': oneRelation('parent'),
  'Claim.mentions': (plan, scope, node, field) => {
    const nested = rowPlan(scope, nodeType(field), node.selectionSet);
    addRelation(plan, 'mentions', { ...query(nested), orderBy: { startOffset: 'asc' } });
    return (row) => (row.mentions as Row[]).map(nested.build);
  },
  'Claim.locations': (plan, scope, node, field) => {
    const location = rowPlan(scope, nodeType(field), node.selectionSet);
    addRelation(plan, 'mentions', {
      columns: {},
      with: { location: query(location) },
      orderBy: { startOffset: 'asc' },
    });
    return (row) => {
      const unique = new Map<unknown, Row>();
      for (const mention of row.mentions as { location: Row }[])
        unique.set(mention.location.id, mention.location);
      return [...unique.values()].map(location.build);
    };
  },
  'Location.sources': rankedSources,
  'Article.claims': (plan, scope, node, field) => {
    const args = getArgumentValues(field, node, scope.variables);
    const filter = toClaimFilter(args.filter as Parameters<typeof toClaimFilter>[0]);
    return connection(plan, scope, node, field, 'claims', args, {
      where: { RAW: (c: never) => claimCondition(c, filter) },
      orderBy: { position: 'asc', id: 'asc' },
    });
  },
};

export type RootReader = (db: Database) => Promise<unknown>;

/** Root fields the compiled path answers, each with the relational query Pothos would send. */
export const rootCompilers: Record<string, (scope: Scope, node: FieldNode) => RootReader> = {
  articles: (scope, node) => {
    const field = rootField(scope, 'articles');
    const args = getArgumentValues(field, node, scope.variables);
    const filter = toArticleFilter(args.filter as Parameters<typeof toArticleFilter>[0]);
    const order = articleOrderBy[args.orderBy as keyof typeof articleOrderBy];
    const holder: RowPlan = emptyPlan();
    const build = connection(holder, scope, node, field, 'articles', args, {
      where: { RAW: (t: never) => articleCondition(t, filter) },
      orderBy: withTieBreaker(order),
    });
    const prepare = preparedFor((db) => db.query.articles.findMany(holder.with.articles as never));
    return async (db) => build({ articles: await prepare(db).execute() });
  },
  location: (scope, node) => {
    const field = rootField(scope, 'location');
    const name = getArgumentValues(field, node, scope.variables).name as string;
    const plan = rowPlan(scope, nodeType(field), node.selectionSet);
    const byName = locationByNameQuery(scope.gazetteer, name);
    const exact =
      byName && preparedFor((db) => db.query.locations.findFirst({ ...byName, ...query(plan) } as never));
    // As the resolver: any spelling first, else the closest stored spelling.
    return async (db) => {
      const row = exact ? ((await exact(db).execute()) as Row | undefined) : undefined;
      if (row) return plan.build(row);
      const id = await closestLocationId(db, name);
      if (id == null) return null;
      const closest = await db.query.locations.findFirst({ ...query(plan), where: { id } } as never);
      return closest ? plan.build(closest as Row) : null;
    };
  },
  article: (scope, node) => {
    const field = rootField(scope, 'article');
    const args = getArgumentValues(field, node, scope.variables);
    const plan = rowPlan(scope, nodeType(field), node.selectionSet);
    const prepare = preparedFor((db) =>
      db.query.articles.findFirst({ ...query(plan), where: { url: args.url as string } } as never),
    );
    return async (db) => {
      const row = (await prepare(db).execute()) as Row | undefined;
      return row ? plan.build(row) : null;
    };
  },
};

/**
 * The relational query built once per database (primary or replica) and kept prepared: a compiled
 * operation is cached with its variables, so its SQL text never changes.
 */
function preparedFor(
  build: (db: Database) => { prepare: (name: string) => { execute: () => Promise<unknown> } },
) {
  const prepared = new WeakMap<Database, { execute: () => Promise<unknown> }>();
  return (db: Database) => {
    let statement = prepared.get(db);
    if (!statement) {
      statement = build(db).prepare(`compiled_read_${++statementCount}`);
      prepared.set(db, statement);
    }
    return statement;
  };
}
let statementCount = 0;

function span(plan: RowPlan, scope: Scope, node: FieldNode, field: GraphQLField<unknown, unknown>) {
  plan.columns.startOffset = true;
  plan.columns.endOffset = true;
  const type = nodeType(field);
  const parts = selectedFields(scope, type, node.selectionSet).map((f) => {
    const key = f.alias?.value ?? f.name.value;
    if (f.name.value === '__typename') return [key, () => type.name] as const;
    if (f.name.value === 'start') return [key, (row: Row) => row.startOffset] as const;
    if (f.name.value === 'end') return [key, (row: Row) => row.endOffset] as const;
    throw new NotCompiled();
  });
  return (row: Row) => Object.fromEntries(parts.map(([key, read]) => [key, read(row)]));
}

function oneRelation(relation: string): FieldCompiler {
  return (plan, scope, node, field) => {
    if (isListType(getNullableType(field.type))) throw new NotCompiled();
    const nested = rowPlan(scope, nodeType(field), node.selectionSet);
    addRelation(plan, relation, query(nested));
    return (row) => {
      const related = row[relation] as Row | null;
      return related == null ? null : nested.build(related);
    };
  };
}

function rootField(scope: Scope, name: string) {
  const field = scope.schema.getQueryType()?.getFields()[name];
  if (!field) throw new NotCompiled();
  return field;
}

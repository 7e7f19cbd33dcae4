import { encodeBase64, encodeCursorChunk, encodeCursorTuple, getConnectionPageSize } from '@pothos/core';
import { encodeGlobalID, offsetForArgs, offsetToCursor } from '@pothos/plugin-relay';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values.js';
import type { Database } from '../db/client.js';
import { articleCondition, claimCondition } from '../domain/filters.js';
import {
  type CountedSpeaker,
  rankedSpeakersPage,
  rankedSpeakersSelection,
} from '../domain/location-speaker-counts.js';
import { locationByNameQuery } from '../domain/locations.js';
import type { Page } from '../domain/paging.js';
import { closestLocationId } from '../domain/search.js';
import type { Gazetteer } from '../geo/types.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './builder.js';
import { articleOrderBy, toArticleFilter, toClaimFilter } from './types/filters.js';
import { locationClaimsOptions } from './types/location.js';

/**
 * Compiled reads: a query made only of plain table reads (articles and their claims, sources and
 * places, by column or relation) is turned straight into one Drizzle relational query and an
 * answer builder, skipping graphql-js' per-field resolvers. It is the same query the Drizzle
 * plugin plans, so answers are equal (tests/graphql/compiled-reads.test.ts runs every field both
 * ways); anything outside this set, and any error, goes through normal execution instead.
 */

/** Thrown while compiling or building: the operation takes the normal execution path. */
class NotCompiled extends Error {}

type Row = Record<string, unknown>;
type Built = Record<string, unknown>;

/** A relational-query config (the subset used here) and how to build answers from its rows. */
interface RowPlan {
  columns: Record<string, true>;
  with: Record<string, RelationQuery>;
  extras: Record<string, unknown>;
  build: (row: Row) => Built;
}

interface RelationQuery {
  columns: Record<string, true>;
  with: Record<string, RelationQuery>;
  extras?: Record<string, unknown>;
  where?: unknown;
  orderBy?: Record<string, 'asc' | 'desc'>;
  limit?: number;
}

interface Scope {
  schema: GraphQLSchema;
  gazetteer: Gazetteer;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** What a field on a table-backed type adds to its type's plan. */
type FieldCompiler = (
  plan: RowPlan,
  scope: Scope,
  node: FieldNode,
  field: GraphQLField<unknown, unknown>,
) => (row: Row) => unknown;

/** Fields beyond plain columns, keyed `Type.field`; each mirrors its Pothos definition. */
const fieldCompilers: Record<string, FieldCompiler> = {
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

type RootReader = (db: Database) => Promise<unknown>;

/** Root fields the compiled path answers, each with the relational query Pothos would send. */
const rootCompilers: Record<string, (scope: Scope, node: FieldNode) => RootReader> = {
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

interface CompiledOperation {
  fields: [key: string, read: RootReader | null][];
}

/** Compiled operations per document, by operation name and variables; a few per document. */
const compiledOperations = new WeakMap<DocumentNode, Map<string, CompiledOperation | null>>();
const VARIANTS_PER_DOCUMENT = 32;

/**
 * The operation's answer by the compiled path, or undefined when it has to take normal execution
 * (a field or argument outside the compiled set, invalid variables, or anything unexpected).
 */
export async function compiledAnswer(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
  context: { db: Database; gazetteer: Gazetteer },
): Promise<{ data: Built } | undefined> {
  const operation = compilableOperation(document, operationName);
  if (!operation) return undefined;
  let variants = compiledOperations.get(document);
  if (!variants) {
    variants = new Map();
    compiledOperations.set(document, variants);
  }
  const key = `${operationName ?? ''}:${JSON.stringify(rawVariables ?? {})}`;
  let compiled = variants.get(key);
  if (compiled === undefined) {
    compiled = compileOperation(schema, document, operation, rawVariables, context.gazetteer);
    if (variants.size >= VARIANTS_PER_DOCUMENT) variants.delete(variants.keys().next().value as string);
    variants.set(key, compiled);
  }
  if (!compiled) return undefined;
  try {
    const data: Built = {};
    for (const [field, read] of compiled.fields)
      data[field] = read ? await read(context.db) : (schema.getQueryType() as GraphQLObjectType).name;
    return { data };
  } catch {
    // A null where the schema promises a value, or a database error: normal execution reports it
    // exactly as it would have.
    return undefined;
  }
}

function compileOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | null | undefined,
  gazetteer: Gazetteer,
): CompiledOperation | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return null;
  const fragments: Scope['fragments'] = {};
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  const scope: Scope = { schema, gazetteer, fragments, variables: coerced.coerced };
  try {
    const queryType = schema.getQueryType() as GraphQLObjectType;
    return {
      fields: selectedFields(scope, queryType, operation.selectionSet).map((node) => {
        const key = node.alias?.value ?? node.name.value;
        if (node.name.value === '__typename') return [key, null];
        const compile = rootCompilers[node.name.value];
        if (!compile) throw new NotCompiled();
        return [key, compile(scope, node)];
      }),
    };
  } catch {
    // Outside the compiled set, or an argument normal execution rejects with its own error.
    return null;
  }
}

/** Documents already seen not to be compilable, so they skip straight to normal execution. */
const notCompilable = new WeakMap<DocumentNode, Set<string>>();

function compilableOperation(document: DocumentNode, operationName: string | null | undefined) {
  const known = notCompilable.get(document);
  if (known?.has(operationName ?? '')) return undefined;
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  const ok =
    operation &&
    (operationName || operations.length === 1) &&
    operation.operation === 'query' &&
    !operation.directives?.length &&
    operation.selectionSet.selections.every(
      (s) => s.kind === Kind.FIELD && (s.name.value === '__typename' || s.name.value in rootCompilers),
    );
  if (ok) return operation;
  notCompilable.set(document, (known ?? new Set()).add(operationName ?? ''));
  return undefined;
}

/** The fields of a selection set on `type`, fragments spread; directives or merging are not compiled. */
function selectedFields(
  scope: Scope,
  type: GraphQLObjectType,
  set: SelectionSetNode | undefined,
): FieldNode[] {
  if (!set) throw new NotCompiled();
  const fields: FieldNode[] = [];
  const keys = new Set<string>();
  const visit = (selections: SelectionSetNode['selections']) => {
    for (const selection of selections) {
      if (selection.directives?.length) throw new NotCompiled();
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (keys.has(key)) throw new NotCompiled();
        keys.add(key);
        fields.push(selection);
        continue;
      }
      const fragment =
        selection.kind === Kind.INLINE_FRAGMENT ? selection : scope.fragments[selection.name.value];
      if (!fragment || (fragment.typeCondition && fragment.typeCondition.name.value !== type.name))
        throw new NotCompiled();
      visit(fragment.selectionSet.selections);
    }
  };
  visit(set.selections);
  return fields;
}

/** The plan of one selection set on a table-backed object type. */
function rowPlan(scope: Scope, type: GraphQLObjectType, set: SelectionSetNode | undefined): RowPlan {
  const plan: RowPlan = emptyPlan();
  // The primary key comes along, as with the plugin: a row must select something.
  plan.columns.id = true;
  const isNode = type.getInterfaces().some((i) => i.name === 'Node');
  const readers: [string, (row: Row) => unknown][] = [];
  for (const node of selectedFields(scope, type, set)) {
    const key = node.alias?.value ?? node.name.value;
    const name = node.name.value;
    if (name === '__typename') {
      readers.push([key, () => type.name]);
      continue;
    }
    const field = type.getFields()[name];
    if (!field) throw new NotCompiled();
    const compile = fieldCompilers[`${type.name}.${name}`];
    if (compile) readers.push([key, nonNull(field, compile(plan, scope, node, field))]);
    else if (name === 'id' && isNode) {
      readers.push([key, (row) => encodeGlobalID(type.name, row.id as number)]);
    } else readers.push([key, columnReader(plan, field, node)]);
  }
  plan.build = (row) => {
    const out: Built = {};
    for (const [key, read] of readers) out[key] = read(row);
    return out;
  };
  return plan;
}

/** A field exposing one column, serialized by its scalar or enum exactly as graphql-js would. */
function columnReader(plan: RowPlan, field: GraphQLField<unknown, unknown>, node: FieldNode) {
  const column = field.extensions?.pothosExposedField;
  const type = getNullableType(field.type);
  if (typeof column !== 'string' || !isLeafType(type) || node.arguments?.length) throw new NotCompiled();
  plan.columns[column] = true;
  return nonNull(field, (row) => {
    const value = row[column];
    return value == null ? null : type.serialize(value);
  });
}

/** A null where the schema promises a value is an error normal execution must report. */
function nonNull(field: GraphQLField<unknown, unknown>, read: (row: Row) => unknown) {
  if (!isNonNullType(field.type)) return read;
  return (row: Row) => {
    const value = read(row);
    if (value == null) throw new NotCompiled();
    return value;
  };
}

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

/**
 * Location.sources without a filter: the kept ranking planned into the place's query, as the
 * field's own `select` does, paged by offset as `offsetConnection` pages it.
 */
function rankedSources(plan: RowPlan, scope: Scope, node: FieldNode, field: GraphQLField<unknown, unknown>) {
  const args = getArgumentValues(field, node, scope.variables);
  const options = locationClaimsOptions(args);
  // A filtered ranking is counted live by the resolver's loader.
  if (options.filter) throw new NotCompiled();
  const paging = offsetForArgs({ args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE });
  type Item = CountedSpeaker<Row>;
  const connectionType = nodeType(field);
  let sourcePlan: RowPlan | undefined;
  const edgeFields = (f: FieldNode) => {
    const edgeType = nodeType(connectionType.getFields().edges);
    return selectedFields(scope, edgeType, f.selectionSet).map((e) => {
      const key = e.alias?.value ?? e.name.value;
      switch (e.name.value) {
        case '__typename':
          return [key, () => edgeType.name] as const;
        case 'cursor':
          return [key, (_: Item, i: number) => offsetToCursor(paging.offset + i)] as const;
        case 'claimCount':
          return [key, (item: Item) => item.claimCount] as const;
        case 'speakerTexts':
          return [key, (item: Item) => item.speakerTexts] as const;
        case 'unresolved':
          return [key, (item: Item) => item.sourceId == null] as const;
        case 'node': {
          if (sourcePlan) throw new NotCompiled();
          const planned = rowPlan(scope, nodeType(edgeType.getFields().node), e.selectionSet);
          sourcePlan = planned;
          return [
            key,
            (item: Item) => {
              if (item.sourceId == null) return null;
              if (!item.source) throw new NotCompiled();
              return planned.build(item.source);
            },
          ] as const;
        }
        default:
          throw new NotCompiled();
      }
    });
  };
  const readers = selectedFields(scope, connectionType, node.selectionSet).map((f) => {
    const key = f.alias?.value ?? f.name.value;
    switch (f.name.value) {
      case '__typename':
        return [key, () => connectionType.name] as const;
      case 'totalCount':
        return [key, (page: Page<Item>) => page.totalCount] as const;
      case 'edges': {
        const parts = edgeFields(f);
        return [
          key,
          (page: Page<Item>) =>
            page.items.slice(0, paging.expectedSize).map((item, i) => {
              const edge: Built = {};
              for (const [edgeKey, read] of parts) edge[edgeKey] = read(item, i);
              return edge;
            }),
        ] as const;
      }
      case 'pageInfo': {
        const infoType = nodeType(connectionType.getFields().pageInfo);
        const cursorAt = (page: Page<Item>, at: 'first' | 'last') => {
          const shown = Math.min(page.items.length, paging.expectedSize);
          if (shown === 0) return null;
          return offsetToCursor(paging.offset + (at === 'first' ? 0 : shown - 1));
        };
        const parts = selectedFields(scope, infoType, f.selectionSet).map((p) => {
          const infoKey = p.alias?.value ?? p.name.value;
          switch (p.name.value) {
            case '__typename':
              return [infoKey, () => infoType.name] as const;
            case 'hasNextPage':
              return [infoKey, (page: Page<Item>) => paging.hasNextPage(page.items.length)] as const;
            case 'hasPreviousPage':
              return [infoKey, () => paging.hasPreviousPage] as const;
            case 'startCursor':
              return [infoKey, (page: Page<Item>) => cursorAt(page, 'first')] as const;
            case 'endCursor':
              return [infoKey, (page: Page<Item>) => cursorAt(page, 'last')] as const;
            default:
              throw new NotCompiled();
          }
        });
        return [
          key,
          (page: Page<Item>) => Object.fromEntries(parts.map(([infoKey, read]) => [infoKey, read(page)])),
        ] as const;
      }
      default:
        throw new NotCompiled();
    }
  });
  const selection = rankedSpeakersSelection(options, query(sourcePlan ?? keyOnlyPlan()));
  for (const [extra, value] of Object.entries(selection.extras)) {
    if (extra in plan.extras) throw new NotCompiled();
    plan.extras[extra] = value;
  }
  for (const [relation, relationQuery] of Object.entries(selection.with))
    addRelation(plan, relation, relationQuery as unknown as RelationQuery);
  return (row: Row) => {
    const page = rankedSpeakersPage<Row>(row, options);
    const out: Built = {};
    for (const [key, read] of readers) out[key] = read(page);
    return out;
  };
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

/**
 * A forward keyset connection over `relation`: the page Pothos' relatedConnection and
 * drizzleConnection fetch (limit + 1 rows, order with the primary key as tie-breaker), with the
 * plugin's cursors. Paging from a cursor, backward paging and totalCount stay with normal execution.
 */
function connection(
  plan: RowPlan,
  scope: Scope,
  node: FieldNode,
  field: GraphQLField<unknown, unknown>,
  relation: string,
  args: Record<string, unknown>,
  page: Pick<RelationQuery, 'where' | 'orderBy'>,
) {
  const first = args.first as number | null | undefined;
  if (args.after != null || args.before != null || args.last != null || (first != null && first < 0))
    throw new NotCompiled();
  const { limit, expectedSize } = getConnectionPageSize({
    args: { first },
    defaultSize: DEFAULT_PAGE_SIZE,
    maxSize: MAX_PAGE_SIZE,
  });
  const connectionType = nodeType(field);
  const orderKeys = Object.keys(page.orderBy ?? {});
  let nodePlan: RowPlan | undefined;
  const readers = selectedFields(scope, connectionType, node.selectionSet).map((f) => {
    const key = f.alias?.value ?? f.name.value;
    const fieldType = connectionType.getFields()[f.name.value];
    if (f.name.value === '__typename') return [key, () => connectionType.name] as const;
    if (f.name.value === 'pageInfo' && fieldType)
      return [key, pageInfo(scope, nodeType(fieldType), f.selectionSet, expectedSize, orderKeys)] as const;
    if (f.name.value !== 'edges' || !fieldType || nodePlan) throw new NotCompiled();
    const edgeType = nodeType(fieldType);
    const edgeReaders = selectedFields(scope, edgeType, f.selectionSet).map((e) => {
      const edgeKey = e.alias?.value ?? e.name.value;
      if (e.name.value === '__typename') return [edgeKey, () => edgeType.name] as const;
      if (e.name.value === 'cursor') return [edgeKey, (row: Row) => keysetCursor(row, orderKeys)] as const;
      const nodeField = edgeType.getFields().node;
      if (e.name.value !== 'node' || nodePlan || !nodeField) throw new NotCompiled();
      const planned = rowPlan(scope, nodeType(nodeField), e.selectionSet);
      nodePlan = planned;
      return [edgeKey, (row: Row) => planned.build(row)] as const;
    });
    return [
      key,
      (rows: Row[]) =>
        rows.slice(0, expectedSize).map((row) => {
          const edge: Built = {};
          for (const [edgeKey, read] of edgeReaders) edge[edgeKey] = read(row);
          return edge;
        }),
    ] as const;
  });
  const nodes = nodePlan ?? keyOnlyPlan();
  // Cursors are built from the ordering columns, so they are always loaded.
  for (const orderKey of orderKeys) nodes.columns[orderKey] = true;
  addRelation(plan, relation, { ...query(nodes), ...page, limit });
  return (row: Row) => {
    const rows = row[relation] as Row[];
    const out: Built = {};
    for (const [key, read] of readers) out[key] = read(rows);
    return out;
  };
}

/**
 * The plugin's keyset cursor for a row: its ordering values (primary key last) as Pothos' tagged
 * chunks, so a compiled page's cursors are the ones `after:` reads on the next request.
 */
function keysetCursor(row: Row, orderKeys: string[]) {
  const values = orderKeys.map((key) => row[key]);
  return encodeBase64(`DC:${values.length > 1 ? encodeCursorTuple(values) : encodeCursorChunk(values[0])}`);
}

function pageInfo(
  scope: Scope,
  type: GraphQLObjectType,
  set: SelectionSetNode | undefined,
  size: number,
  orderKeys: string[],
) {
  const cursorAt = (rows: Row[], index: number) => {
    const row = rows.slice(0, size).at(index);
    return row ? keysetCursor(row, orderKeys) : null;
  };
  const parts = selectedFields(scope, type, set).map((f) => {
    const key = f.alias?.value ?? f.name.value;
    if (f.name.value === '__typename') return [key, () => type.name] as const;
    if (f.name.value === 'hasNextPage') return [key, (rows: Row[]) => rows.length > size] as const;
    if (f.name.value === 'hasPreviousPage') return [key, () => false] as const;
    if (f.name.value === 'startCursor') return [key, (rows: Row[]) => cursorAt(rows, 0)] as const;
    if (f.name.value === 'endCursor') return [key, (rows: Row[]) => cursorAt(rows, -1)] as const;
    throw new NotCompiled();
  });
  return (rows: Row[]) => Object.fromEntries(parts.map(([key, read]) => [key, read(rows)]));
}

function emptyPlan(): RowPlan {
  return { columns: {}, with: {}, extras: {}, build: () => ({}) };
}

/** Rows nobody asked a field of still select their key: a relational query needs a column. */
function keyOnlyPlan(): RowPlan {
  return { ...emptyPlan(), columns: { id: true } };
}

function query(plan: Pick<RowPlan, 'columns' | 'with' | 'extras'>): RelationQuery {
  return { columns: plan.columns, with: plan.with, extras: plan.extras };
}

/** Two fields needing one relation differently (`mentions` and `locations`) are not merged here. */
function addRelation(plan: RowPlan, relation: string, relationQuery: RelationQuery) {
  if (plan.with[relation]) throw new NotCompiled();
  plan.with[relation] = relationQuery;
}

/** Pothos orders a connection by its orderBy plus the primary key, in the last key's direction. */
function withTieBreaker(order: Record<string, 'asc' | 'desc'>) {
  if ('id' in order) return order;
  const directions = Object.values(order);
  return { ...order, id: directions[directions.length - 1] ?? 'asc' };
}

function nodeType(field: GraphQLField<unknown, unknown>): GraphQLObjectType {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) throw new NotCompiled();
  return type;
}

function rootField(scope: Scope, name: string) {
  const field = scope.schema.getQueryType()?.getFields()[name];
  if (!field) throw new NotCompiled();
  return field;
}

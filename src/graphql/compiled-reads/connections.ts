import {
  decodeBase64,
  decodeCursorChunk,
  encodeBase64,
  encodeCursorChunk,
  encodeCursorTuple,
  getConnectionPageSize,
} from '@pothos/core';
import { offsetForArgs, offsetToCursor } from '@pothos/plugin-relay';
import { type FieldNode, type GraphQLField, type GraphQLObjectType, type SelectionSetNode } from 'graphql';
import { getArgumentValues } from 'graphql/execution/values.js';
import {
  type CountedSpeaker,
  rankedSpeakersPage,
  rankedSpeakersSelection,
} from '../../domain/location-speaker-counts.js';
import type { Page } from '../../domain/paging.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../builder.js';
import { locationClaimsOptions } from '../types/location.js';
import {
  addRelation,
  type Built,
  keyOnlyPlan,
  NotCompiled,
  nodeType,
  query,
  type RelationQuery,
  type Row,
  type RowPlan,
  rowPlan,
  type Scope,
  selectedFields,
} from './plan.js';

// The two kinds of connection the compiled path pages: the plugin's keyset connections and the
// kept ranking of a place's sources (offset pages).

/**
 * A forward keyset connection over `relation`: the page Pothos' relatedConnection and
 * drizzleConnection fetch (limit + 1 rows, order with the primary key as tie-breaker), with the
 * plugin's cursors, from the start or `after:` a cursor. Backward paging and totalCount stay with
 * normal execution.
 */
export function connection(
  plan: RowPlan,
  scope: Scope,
  node: FieldNode,
  field: GraphQLField<unknown, unknown>,
  relation: string,
  args: Record<string, unknown>,
  page: Pick<RelationQuery, 'where' | 'orderBy'>,
) {
  const first = args.first as number | null | undefined;
  const after = args.after as string | null | undefined;
  if (args.before != null || args.last != null || (first != null && first < 0)) throw new NotCompiled();
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
      return [
        key,
        pageInfo(scope, nodeType(fieldType), f.selectionSet, expectedSize, orderKeys, !!after),
      ] as const;
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
  const where = after ? { AND: [page.where, keysetAfter(after, page.orderBy ?? {})] } : page.where;
  addRelation(plan, relation, { ...query(nodes), ...page, where, limit });
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

/**
 * The rows past a cursor, as the plugin's keyset filter selects them: those where the first
 * ordering column that differs from the cursor's value differs in the paging direction. A cursor
 * it cannot read is left to normal execution, which reports it.
 */
function keysetAfter(cursor: string, order: Record<string, 'asc' | 'desc'>) {
  const keys = Object.keys(order);
  const decoded = decodeBase64(cursor);
  if (!decoded.startsWith('DC:')) throw new NotCompiled();
  const parsed = decodeCursorChunk(decoded.slice(3));
  const values = keys.length > 1 && Array.isArray(parsed) ? parsed : [parsed];
  if (values.length === 0 || values.length > keys.length) throw new NotCompiled();
  const compare = (key: string, operator: 'gt' | 'lt' | 'eq', value: unknown) =>
    operator === 'eq' && value == null ? { [key]: { isNull: true } } : { [key]: { [operator]: value } };
  const parts = values.map((value, i) => {
    const past = compare(keys[i], order[keys[i]] === 'asc' ? 'gt' : 'lt', value);
    if (i === 0) return past;
    return { AND: [...values.slice(0, i).map((earlier, j) => compare(keys[j], 'eq', earlier)), past] };
  });
  return parts.length > 1 ? { OR: parts } : parts[0];
}

function pageInfo(
  scope: Scope,
  type: GraphQLObjectType,
  set: SelectionSetNode | undefined,
  size: number,
  orderKeys: string[],
  afterCursor: boolean,
) {
  const cursorAt = (rows: Row[], index: number) => {
    const row = rows.slice(0, size).at(index);
    return row ? keysetCursor(row, orderKeys) : null;
  };
  const parts = selectedFields(scope, type, set).map((f) => {
    const key = f.alias?.value ?? f.name.value;
    if (f.name.value === '__typename') return [key, () => type.name] as const;
    if (f.name.value === 'hasNextPage') return [key, (rows: Row[]) => rows.length > size] as const;
    if (f.name.value === 'hasPreviousPage') return [key, () => afterCursor] as const;
    if (f.name.value === 'startCursor') return [key, (rows: Row[]) => cursorAt(rows, 0)] as const;
    if (f.name.value === 'endCursor') return [key, (rows: Row[]) => cursorAt(rows, -1)] as const;
    throw new NotCompiled();
  });
  return (rows: Row[]) => Object.fromEntries(parts.map(([key, read]) => [key, read(rows)]));
}

/** Pothos orders a connection by its orderBy plus the primary key, in the last key's direction. */
export function withTieBreaker(order: Record<string, 'asc' | 'desc'>) {
  if ('id' in order) return order;
  const directions = Object.values(order);
  return { ...order, id: directions[directions.length - 1] ?? 'asc' };
}

/**
 * Location.sources without a filter: the kept ranking planned into the place's query, as the
 * field's own `select` does, paged by offset as `offsetConnection` pages it.
 */
export function rankedSources(
  plan: RowPlan,
  scope: Scope,
  node: FieldNode,
  field: GraphQLField<unknown, unknown>,
) {
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

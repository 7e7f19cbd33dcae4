import {
  decodeBase64,
  decodeCursorChunk,
  encodeBase64,
  encodeCursorChunk,
  encodeCursorTuple,
  getConnectionPageSize,
} from '@pothos/core';
import { type FieldNode, type GraphQLField, type GraphQLObjectType, type SelectionSetNode } from 'graphql';
import { getArgumentValues } from 'graphql/execution/values.js';
import {
  type CountedSpeaker,
  rankedSpeakersPage,
  rankedSpeakersSelection,
} from '../../domain/location-speaker-counts.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../builder.js';
import { offsetConnection } from '../paging.js';
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

/** A connection as the resolvers return it; cursors may be getters, built only when asked for. */
interface ConnectionValue {
  edges: ({ cursor: string } & Record<string, unknown>)[];
  totalCount?: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/**
 * The answer to a connection's selection, read from the value its resolver would return.
 * `edgeField` reads the edge fields beyond `cursor` (the node, a count); `hasTotalCount` says
 * whether the value carries one.
 */
function connectionReader(
  scope: Scope,
  connectionType: GraphQLObjectType,
  set: SelectionSetNode | undefined,
  hasTotalCount: boolean,
  edgeField: (edgeType: GraphQLObjectType, node: FieldNode) => (edge: Record<string, unknown>) => unknown,
): (connection: ConnectionValue) => Built {
  const readers = selectedFields(scope, connectionType, set).map((f) => {
    const key = f.alias?.value ?? f.name.value;
    const fieldType = connectionType.getFields()[f.name.value];
    if (f.name.value === '__typename') return [key, () => connectionType.name] as const;
    if (f.name.value === 'totalCount' && hasTotalCount)
      return [key, (c: ConnectionValue) => c.totalCount] as const;
    if (f.name.value === 'pageInfo' && fieldType) {
      const infoType = nodeType(fieldType);
      const parts = selectedFields(scope, infoType, f.selectionSet).map((p) => {
        const name = p.name.value;
        if (name !== '__typename' && !(name in pageInfoFields)) throw new NotCompiled();
        return [p.alias?.value ?? name, name] as const;
      });
      return [
        key,
        (c: ConnectionValue) =>
          Object.fromEntries(
            parts.map(([partKey, name]) => [
              partKey,
              name === '__typename' ? infoType.name : c.pageInfo[name as keyof typeof pageInfoFields],
            ]),
          ),
      ] as const;
    }
    if (f.name.value !== 'edges' || !fieldType) throw new NotCompiled();
    const edgeType = nodeType(fieldType);
    const parts = selectedFields(scope, edgeType, f.selectionSet).map((e) => {
      const edgeKey = e.alias?.value ?? e.name.value;
      if (e.name.value === '__typename') return [edgeKey, () => edgeType.name] as const;
      if (e.name.value === 'cursor') return [edgeKey, (edge: { cursor: string }) => edge.cursor] as const;
      return [edgeKey, edgeField(edgeType, e)] as const;
    });
    return [
      key,
      (c: ConnectionValue) =>
        c.edges.map((edge) => {
          const out: Built = {};
          for (const [edgeKey, read] of parts) out[edgeKey] = read(edge);
          return out;
        }),
    ] as const;
  });
  return (c) => {
    const out: Built = {};
    for (const [key, read] of readers) out[key] = read(c);
    return out;
  };
}

const pageInfoFields = { hasNextPage: true, hasPreviousPage: true, startCursor: true, endCursor: true };

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
  const orderKeys = Object.keys(page.orderBy ?? {});
  let nodePlan: RowPlan | undefined;
  const read = connectionReader(scope, nodeType(field), node.selectionSet, false, (edgeType, e) => {
    const nodeField = edgeType.getFields().node;
    if (e.name.value !== 'node' || nodePlan || !nodeField) throw new NotCompiled();
    const planned = rowPlan(scope, nodeType(nodeField), e.selectionSet);
    nodePlan = planned;
    return (edge) => planned.build(edge.node as Row);
  });
  const nodes = nodePlan ?? keyOnlyPlan();
  // Cursors are built from the ordering columns, so they are always loaded.
  for (const orderKey of orderKeys) nodes.columns[orderKey] = true;
  const where = after ? { AND: [page.where, keysetAfter(after, page.orderBy ?? {})] } : page.where;
  addRelation(plan, relation, { ...query(nodes), ...page, where, limit });
  // The plugin's page: one row past the page says another follows; after a cursor, one precedes.
  return (row: Row) => {
    const rows = row[relation] as Row[];
    const edges = rows.slice(0, expectedSize).map((shown) => ({
      node: shown,
      get cursor() {
        return keysetCursor(shown, orderKeys);
      },
    }));
    return read({
      edges,
      pageInfo: {
        hasNextPage: rows.length > expectedSize,
        hasPreviousPage: !!after,
        get startCursor() {
          return edges[0]?.cursor ?? null;
        },
        get endCursor() {
          return edges.at(-1)?.cursor ?? null;
        },
      },
    });
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

/** Pothos orders a connection by its orderBy plus the primary key, in the last key's direction. */
export function withTieBreaker(order: Record<string, 'asc' | 'desc'>) {
  if ('id' in order) return order;
  const directions = Object.values(order);
  return { ...order, id: directions[directions.length - 1] ?? 'asc' };
}

/**
 * Location.sources without a filter: the kept ranking planned into the place's query, as the
 * field's own `select` does, and paged by `offsetConnection`, as its resolver pages it.
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
  let sourcePlan: RowPlan | undefined;
  const read = connectionReader(scope, nodeType(field), node.selectionSet, true, (edgeType, e) => {
    switch (e.name.value) {
      case 'claimCount':
        return (edge) => (edge.item as CountedSpeaker<Row>).claimCount;
      case 'speakerTexts':
        return (edge) => (edge.item as CountedSpeaker<Row>).speakerTexts;
      case 'unresolved':
        return (edge) => (edge.item as CountedSpeaker<Row>).sourceId == null;
      case 'node': {
        const nodeField = edgeType.getFields().node;
        if (sourcePlan || !nodeField) throw new NotCompiled();
        const planned = rowPlan(scope, nodeType(nodeField), e.selectionSet);
        sourcePlan = planned;
        return (edge) => {
          const item = edge.item as CountedSpeaker<Row>;
          if (item.sourceId == null) return null;
          if (!item.source) throw new NotCompiled();
          return planned.build(item.source);
        };
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
  return (row: Row) =>
    read(offsetConnection(args, rankedSpeakersPage<Row>(row, options), (item) => ({ item })));
}

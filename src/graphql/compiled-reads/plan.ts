import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isLeafType,
  isNonNullType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Gazetteer } from '../../geo/types.js';

// The plan of one selection set on a table-backed type: the relational query's columns and
// relations, and how to build the answer from the rows (see ARCHITECTURE.md "Why compiled reads").

/** Thrown while compiling or building: the operation takes the normal execution path. */
export class NotCompiled extends Error {}

export type Row = Record<string, unknown>;
export type Built = Record<string, unknown>;

/** A relational-query config (the subset used here) and how to build answers from its rows. */
export interface RowPlan {
  columns: Record<string, true>;
  with: Record<string, RelationQuery>;
  extras: Record<string, unknown>;
  build: (row: Row) => Built;
}

export interface RelationQuery {
  columns: Record<string, true>;
  with: Record<string, RelationQuery>;
  extras?: Record<string, unknown>;
  where?: unknown;
  orderBy?: Record<string, 'asc' | 'desc'>;
  limit?: number;
}

export interface Scope {
  schema: GraphQLSchema;
  gazetteer: Gazetteer;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Fields beyond plain columns, keyed `Type.field` (fields.ts). */
  fields: Record<string, FieldCompiler>;
}

/** What a field on a table-backed type adds to its type's plan. */
export type FieldCompiler = (
  plan: RowPlan,
  scope: Scope,
  node: FieldNode,
  field: GraphQLField<unknown, unknown>,
) => (row: Row) => unknown;

/** The fields of a selection set on `type`, fragments spread; directives or merging are not compiled. */
export function selectedFields(
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
export function rowPlan(scope: Scope, type: GraphQLObjectType, set: SelectionSetNode | undefined): RowPlan {
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
    const compile = scope.fields[`${type.name}.${name}`];
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

export function emptyPlan(): RowPlan {
  return { columns: {}, with: {}, extras: {}, build: () => ({}) };
}

/** Rows nobody asked a field of still select their key: a relational query needs a column. */
export function keyOnlyPlan(): RowPlan {
  return { ...emptyPlan(), columns: { id: true } };
}

export function query(plan: Pick<RowPlan, 'columns' | 'with' | 'extras'>): RelationQuery {
  return { columns: plan.columns, with: plan.with, extras: plan.extras };
}

/** Two fields needing one relation differently (`mentions` and `locations`) are not merged here. */
export function addRelation(plan: RowPlan, relation: string, relationQuery: RelationQuery) {
  if (plan.with[relation]) throw new NotCompiled();
  plan.with[relation] = relationQuery;
}

export function nodeType(field: GraphQLField<unknown, unknown>): GraphQLObjectType {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) throw new NotCompiled();
  return type;
}

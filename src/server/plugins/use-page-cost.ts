import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getOperationAST,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../graphql/builder.js';

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  seen: Set<string>;
}

/** The page a connection field will return: `first`/`last` (capped at the max) or the default. */
function pageSize(field: FieldNode, variables: Record<string, unknown>): number {
  for (const arg of field.arguments ?? []) {
    if (arg.name.value !== 'first' && arg.name.value !== 'last') continue;
    const value = valueFromASTUntyped(arg.value, variables);
    if (typeof value === 'number') return Math.max(0, Math.min(value, MAX_PAGE_SIZE));
  }
  return DEFAULT_PAGE_SIZE;
}

function fieldsOf(type: GraphQLNamedType | undefined) {
  return type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields() : undefined;
}

function selectionCost(
  walk: Walk,
  set: SelectionSetNode,
  type: GraphQLNamedType | undefined,
  factor: number,
): number {
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      cost += factor;
      const def = fieldsOf(type)?.[sel.name.value];
      if (!sel.selectionSet) continue;
      const child = def ? getNamedType(def.type) : undefined;
      const isConnection = child?.name.endsWith('Connection') ?? false;
      const inner = isConnection ? factor * Math.max(1, pageSize(sel, walk.variables)) : factor;
      cost += selectionCost(walk, sel.selectionSet, child, inner);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const cond = sel.typeCondition ? walk.schema.getType(sel.typeCondition.name.value) : type;
      cost += selectionCost(walk, sel.selectionSet, cond ?? type, factor);
    } else {
      const fragment = walk.fragments.get(sel.name.value);
      if (!fragment || walk.seen.has(sel.name.value)) continue;
      walk.seen.add(sel.name.value);
      const cond = walk.schema.getType(fragment.typeCondition.name.value) ?? undefined;
      cost += selectionCost(walk, fragment.selectionSet, cond, factor);
      walk.seen.delete(sel.name.value);
    }
  }
  return cost;
}

/**
 * Cost of one operation: every field counts once per object it is resolved on, and a connection
 * multiplies everything below it by its page size (`first`/`last`, else the default page).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string | null,
): number {
  const operation = getOperationAST(document, operationName);
  if (!operation) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const root = schema.getRootType(operation.operation) ?? undefined;
  return selectionCost({ schema, fragments, variables, seen: new Set() }, operation.selectionSet, root, 1);
}

/** Rejects operations whose page-aware cost exceeds `maxCost`, before any resolver runs. */
export function usePageCost(maxCost: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      const cost = operationCost(args.schema, args.document, variables, args.operationName);
      if (cost <= maxCost) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost}; ask for smaller pages.`, {
            extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost },
          }),
        ],
      });
    },
  };
}

import {
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type GraphQLError,
  type GraphQLObjectType,
  type GraphQLSchema,
  isNonNullType,
  Kind,
  locatedError,
  type OperationDefinitionNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import type { Database } from '../../db/client.js';
import type { Gazetteer } from '../../geo/types.js';
import { fieldCompilers, type RootReader, rootCompilers } from './fields.js';
import { type Built, NotCompiled, type Scope, selectedFields } from './plan.js';

/**
 * Compiled reads: a query made only of plain table reads (articles and their claims, sources and
 * places, by column or relation, and the central question) is turned straight into one Drizzle
 * relational query and an answer builder, skipping graphql-js' per-field resolvers. It is the
 * query the Drizzle plugin plans, so answers are equal (tests/graphql/compiled-reads.test.ts runs
 * every field both ways); anything outside this set, and any error, goes through normal execution.
 */

interface CompiledRootField {
  key: string;
  node: FieldNode;
  /** Null for `__typename`. */
  read: RootReader | null;
  nonNull: boolean;
}

interface CompiledOperation {
  fields: CompiledRootField[];
}

/** Compiled operations per document, by operation name and variables; a few per document. */
const compiledOperations = new WeakMap<DocumentNode, Map<string, CompiledOperation | null>>();
const VARIANTS_PER_DOCUMENT = 32;

/**
 * The operation's answer by the compiled path, or undefined when it has to take normal execution
 * (a field or argument outside the compiled set, invalid variables, a null the schema forbids).
 */
export async function compiledAnswer(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
  context: { db: Database; gazetteer: Gazetteer },
  /** Told of a fault of the compiled path itself, which normal execution then answers. */
  onFault: (error: unknown) => void = () => {},
): Promise<ExecutionResult<Built> | undefined> {
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
  const data: Built = {};
  const errors: GraphQLError[] = [];
  for (const field of compiled.fields) {
    try {
      data[field.key] = field.read
        ? await field.read(context.db)
        : (schema.getQueryType() as GraphQLObjectType).name;
    } catch (error) {
      // A null where the schema promises a value, or a fault of the compiled path itself:
      // normal execution answers, or reports it as it would have.
      if (error instanceof NotCompiled) return undefined;
      if (!raisedByDatabase(error)) {
        onFault(error);
        return undefined;
      }
      // A database error is reported as graphql-js reports a failed root field, not retried
      // through normal execution: a statement timeout would otherwise be waited for twice.
      errors.push(locatedError(error, [field.node], [field.key]));
      if (field.nonNull) return { data: null, errors };
      data[field.key] = null;
    }
  }
  return errors.length > 0 ? { data, errors } : { data };
}

/** Errors from the database or its driver carry a code (SQLSTATE, or the connection error's). */
function raisedByDatabase(error: unknown): boolean {
  let current = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 8; depth++) {
    if (typeof (current as { code?: unknown }).code === 'string') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
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
  const scope: Scope = { schema, gazetteer, fragments, variables: coerced.coerced, fields: fieldCompilers };
  try {
    const queryType = schema.getQueryType() as GraphQLObjectType;
    return {
      fields: selectedFields(scope, queryType, operation.selectionSet).map((node) => {
        const key = node.alias?.value ?? node.name.value;
        if (node.name.value === '__typename') return { key, node, read: null, nonNull: true };
        const compile = rootCompilers[node.name.value];
        const field = queryType.getFields()[node.name.value];
        if (!compile || !field) throw new NotCompiled();
        return { key, node, read: compile(scope, node), nonNull: isNonNullType(field.type) };
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

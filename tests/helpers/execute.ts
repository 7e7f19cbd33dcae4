import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ExecutionResult, print } from 'graphql';
import type { YogaServer } from '../../src/server/yoga.js';
import { TEST_ADMIN_TOKEN } from './server.js';

/** Runs a typed operation through yoga.fetch, in process, with no port, as the test admin. */
export async function executeOperation<TResult, TVariables>(
  yoga: YogaServer,
  operation: TypedDocumentNode<TResult, TVariables> | string,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<ExecutionResult<TResult>> {
  const query = typeof operation === 'string' ? operation : print(operation);
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      authorization: `Bearer ${TEST_ADMIN_TOKEN}`,
    },
    body: JSON.stringify({ query, variables: variables ?? {} }),
  });
  return (await response.json()) as ExecutionResult<TResult>;
}

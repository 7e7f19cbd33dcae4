import { GraphQLError } from 'graphql';
import { DomainError, InvalidInputError } from '../domain/errors.js';

/**
 * Turns an expected domain failure into a GraphQL error carrying `extensions.code` (and the
 * input issues for bad input). Anything else is rethrown for Yoga to mask.
 */
export function toGraphQLError(error: unknown): never {
  if (error instanceof InvalidInputError) {
    throw new GraphQLError(error.message, {
      extensions: { code: error.code, issues: error.issues },
    });
  }
  if (error instanceof DomainError) {
    throw new GraphQLError(error.message, { extensions: { code: error.code } });
  }
  throw error;
}

import type { YogaServer } from '../../src/server/yoga.js';

export interface GraphQLResponse {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  text: string;
}

/** POSTs a raw GraphQL request (no test token unless given), returning status and parsed body. */
export async function postGraphQL(
  yoga: YogaServer,
  payload: unknown,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse> {
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text), text };
}

/** The `extensions.code` of each error in a response. */
export function errorCodes(response: GraphQLResponse): unknown[] {
  return (response.body.errors ?? []).map((e) => e.extensions?.code);
}

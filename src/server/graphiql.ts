import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';

/** The question GraphiQL opens with: which sources made claims about a place. */
export const DEFAULT_GRAPHIQL_QUERY = `# Which sources made claims about Raqqa (any spelling), including places inside it?
query CentralQuestion {
  location(name: "Raqa") {
    name
    countryCode
    kind
    sources(first: 20, includeContained: true) {
      totalCount
      edges {
        claimCount
        unresolved
        speakerTexts
        node { name kind }
      }
    }
    claims(first: 20, includeContained: true) {
      edges { node { text source { name } article { url } } }
    }
  }
}
`;

/**
 * GraphiQL with its scripts and styles inlined from an npm package, so it works with no
 * internet (Yoga's default loads them from a CDN). Rendered once per option set: the page
 * is ~9 MB and identical for every request.
 */
export function offlineGraphiQL(): (options?: GraphiQLOptions) => string {
  const cache = new Map<string, string>();
  return (options) => {
    const key = JSON.stringify(options ?? {});
    let html = cache.get(key);
    if (!html) {
      html = renderGraphiQL(options);
      cache.set(key, html);
    }
    return html;
  };
}

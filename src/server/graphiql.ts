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
 * is ~9 MB and identical for every request. The package is imported on the first page view,
 * not at start: parsing its 9 MB costs ~0.1 s and ~45 MB that an API-only server never needs.
 */
export function offlineGraphiQL(): (options?: GraphiQLOptions) => Promise<string> {
  const cache = new Map<string, string>();
  return async (options) => {
    const key = JSON.stringify(options ?? {});
    let html = cache.get(key);
    if (!html) {
      const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
      html = renderGraphiQL(options);
      cache.set(key, html);
    }
    return html;
  };
}

const tab = (query: string, variables?: Record<string, unknown>) => ({
  query,
  variables: variables ? JSON.stringify(variables, null, 2) : null,
});

/** GraphiQL's opening tabs: one saved example per capability, on the demo data. */
export const GRAPHIQL_TABS = [
  tab(DEFAULT_GRAPHIQL_QUERY),
  tab(`# Filters: the governments that spoke about Syria (and places inside it) before 11 October 2017.
query FilteredClaims {
  location(name: "Syria") {
    claims(first: 10, includeContained: true, filter: { sourceKinds: [GOVERNMENT], claimedTo: "2017-10-11T00:00:00Z" }) {
      totalCount edges { node { text claimedAt source { name kind } } }
    }
  }
  sources(first: 10, filter: { kinds: [ANONYMOUS, GROUP] }) { totalCount edges { node { name kind } } }
}
`),
  tab(`# Full-text search over claims, and places found under a misspelling.
query Search {
  searchClaims(query: "militants", first: 5) { totalCount edges { rank snippet node { source { name } } } }
  searchLocations(name: "Deir Ezzor", first: 3) { edges { similarity node { name kind } } }
}
`),
  tab(`# Places, claims and sources within 150 km of Raqqa.
query NearRaqqa {
  locationsNear(latitude: 35.95, longitude: 39.01, radiusKm: 150, first: 10) { edges { distanceKm node { name kind } } }
  sourcesNear(latitude: 35.95, longitude: 39.01, radiusKm: 150, first: 10) { edges { claimCount node { name } } }
}
`),
  tab(`# Claims per day about Syria, and who speaks about it, by kind of source.
query TimelineAndBreakdown {
  location(name: "Syria") {
    timeline(interval: DAY, includeContained: true) { edges { node { start count } } }
  }
  sourceKindBreakdown { kind sourceCount claimCount }
}
`),
  tab(`# Curation: every merge or correction, newest first; each can be undone with undoCuration.
query CurationLog {
  curationActions(first: 10) { totalCount edges { node { id kind summary createdAt undoneAt } } }
}
`),
  tab(`# Stories related to each article, strongest first, with the reasons.
query RelatedStories {
  articles(first: 5) {
    edges { node { title
      relatedArticles(first: 5) { totalCount edges { strength reasons { kind name } node { title url } } }
    } }
  }
}
`),
  tab(
    `# Claims by other sources about the same place and week: agreeing and disagreeing.
query Corroboration($url: String!) {
  article(url: $url) {
    claims(first: 20) { edges { node { text source { name }
      corroboratedBy(first: 5) { totalCount edges { overlap reasons node { text source { name } } } }
      contradictedBy(first: 5) { totalCount edges { overlap reasons node { text source { name } } } }
    } } }
  }
}
`,
    { url: 'https://demo.news-graph.example/syria-offensive' },
  ),
  tab(
    `# The claims of an article as schema.org ClaimReview JSON-LD.
query ClaimReviewExport($url: String!) {
  article(url: $url) { claimReview(first: 3) { totalCount edges { node } } }
}
`,
    { url: 'https://demo.news-graph.example/syria-offensive' },
  ),
  tab(
    `# Live: each new claim about a place (or inside it), over server-sent events.
# Take a Location id from the first tab's query (ask for \`id\`), run this, then import an article.
subscription ClaimsAboutPlace($locationId: ID!) {
  claimAdded(locationId: $locationId, includeContained: true) {
    text source { name } locations { name } article { url }
  }
}
`,
    { locationId: 'paste a Location id' },
  ),
];

/** The benchmark's query shapes: the GraphQL each contender is sent and how to compare answers. */

export interface BusyPlace {
  /** Name news-graph is asked for (`location(name:)`). */
  name: string;
  /** Gazetteer key, unique: how PostGraphile selects the same row. */
  key: string;
}

export interface Shape {
  name: string;
  what: string;
  newsGraph: string;
  /** PostGraphile's text; the same as newsGraph where its schema allows. */
  postgraphile: string | null;
  /** Maps a PostGraphile answer onto news-graph's JSON shape, for the equality check. */
  fromPostgraphile?: (data: any) => unknown;
  /** Timed only when news-graph's schema has the field (features still being built). */
  optional?: boolean;
}

/** The full-text query of the search shape; matches one claim template in fourteen. */
export const SEARCH_TERMS = 'aid convoys';

const articleFields = 'url title outlet';
const graphClaims = 'text source { name kind } locations { name countryCode }';

const edgesOf = (conn: any) => conn.edges.map((e: any) => e.node);

/** Same text for news-graph and the ceiling; PostGraphile needs orderBy/relation names. */
export function shapes(place: BusyPlace): Shape[] {
  return [
    { name: 'trivial', what: '{ __typename }', newsGraph: '{ __typename }', postgraphile: '{ __typename }' },
    {
      name: 'list20',
      what: '20 articles, 3 scalar fields',
      newsGraph: `{ articles(first: 20) { edges { node { ${articleFields} } } } }`,
      postgraphile: `{ articles(first: 20, orderBy: ID_DESC) { edges { node { ${articleFields} } } } }`,
      fromPostgraphile: (d) => ({ articles: { edges: edgesOf(d.articles).map((node: any) => ({ node })) } }),
    },
    {
      name: 'graph3',
      what: '20 articles -> 10 claims each -> source + locations',
      newsGraph: `{ articles(first: 20) { edges { node { url title claims(first: 10) { edges { node { ${graphClaims} } } } } } } }`,
      postgraphile: `{ articles(first: 20, orderBy: ID_DESC) { edges { node { url title claims(first: 10, orderBy: POSITION_ASC) { edges { node { text source { name kind } claimLocations(orderBy: START_OFFSET_ASC) { nodes { location { name countryCode } } } } } } } } } }`,
      fromPostgraphile: (d) => ({
        articles: {
          edges: edgesOf(d.articles).map((a: any) => ({
            node: {
              url: a.url,
              title: a.title,
              claims: {
                edges: edgesOf(a.claims).map((c: any) => ({
                  node: {
                    text: c.text,
                    source: c.source,
                    locations: uniqueLocations(c.claimLocations.nodes),
                  },
                })),
              },
            },
          })),
        },
      }),
    },
    {
      name: 'central',
      what: `location(name: "${place.name}") { sources(first: 20, includeContained: true) }`,
      newsGraph: `{ location(name: "${place.name}") { name countryCode kind sources(first: 20, includeContained: true) { totalCount edges { claimCount node { name kind } } } } }`,
      postgraphile: `{ locationByGazetteerKey(gazetteerKey: "${place.key}") { name countryCode kind sourcesRanked(includeContained: true, first: 20) { totalCount nodes { claimCount name kind } } } }`,
      fromPostgraphile: (d) => {
        const l = d.locationByGazetteerKey;
        return {
          location: {
            name: l.name,
            countryCode: l.countryCode,
            kind: l.kind,
            sources: {
              totalCount: l.sourcesRanked.totalCount,
              edges: l.sourcesRanked.nodes.map((s: any) => ({
                claimCount: s.claimCount,
                node: s.name === null ? null : { name: s.name, kind: s.kind },
              })),
            },
          },
        };
      },
    },
    {
      name: 'big30k',
      what: '30 articles with bodies (~30 KB)',
      newsGraph: '{ articles(first: 30) { edges { node { url title body } } } }',
      postgraphile: '{ articles(first: 30, orderBy: ID_DESC) { edges { node { url title body } } } }',
      fromPostgraphile: (d) => ({ articles: { edges: edgesOf(d.articles).map((node: any) => ({ node })) } }),
    },
    {
      name: 'search',
      what: `searchClaims(query: "${SEARCH_TERMS}", first: 20) with snippets`,
      newsGraph: `{ searchClaims(query: "${SEARCH_TERMS}", first: 20) { totalCount edges { snippet node { text } } } }`,
      postgraphile: null,
      optional: true,
    },
    {
      name: 'aggregate',
      what: 'sourceKindBreakdown over all claims',
      newsGraph: '{ sourceKindBreakdown { kind sourceCount claimCount } }',
      postgraphile: null,
      optional: true,
    },
  ];
}

/** news-graph's Claim.locations lists each place once, in order of first mention. */
function uniqueLocations(mentions: any[]) {
  const seen = new Map<string, unknown>();
  for (const m of mentions) {
    const key = `${m.location.name}|${m.location.countryCode}`;
    if (!seen.has(key)) seen.set(key, m.location);
  }
  return [...seen.values()];
}

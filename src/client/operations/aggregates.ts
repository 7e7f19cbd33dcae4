import { graphql } from '../gql/gql.js';

/** Who spoke most about a place in a time window, and which kinds of sources they were. */
export const PlaceAggregates = graphql(`
  query PlaceAggregates(
    $location: ID
    $includeContained: Boolean = true
    $from: DateTime
    $to: DateTime
    $first: Int = 10
  ) {
    topSources(location: $location, includeContained: $includeContained, from: $from, to: $to, first: $first) {
      totalCount
      edges {
        claimCount
        unresolved
        speakerTexts
        node {
          id
          name
          kind
        }
      }
    }
    sourceKindBreakdown(location: $location, includeContained: $includeContained, from: $from, to: $to) {
      kind
      sourceCount
      claimCount
    }
  }
`);

/** The places each source talks about most in a time window. */
export const SourceTopLocations = graphql(`
  query SourceTopLocations($from: DateTime, $to: DateTime, $first: Int = 100) {
    sources(first: $first) {
      edges {
        node {
          name
          topLocations(from: $from, to: $to, first: 5) {
            totalCount
            edges {
              claimCount
              node {
                name
              }
            }
          }
        }
      }
    }
  }
`);

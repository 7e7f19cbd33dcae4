import { graphql } from '../gql/gql.js';

/** Full-text search over articles and claims, with ranks and highlighted snippets. */
export const SearchText = graphql(`
  query SearchText($query: String!, $first: Int = 10, $after: String) {
    searchArticles(query: $query, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        rank
        snippet
        node {
          url
          title
        }
      }
    }
    searchClaims(query: $query, first: $first, after: $after) {
      totalCount
      edges {
        rank
        snippet
        node {
          text
          source {
            name
          }
        }
      }
    }
  }
`);

/** Fuzzy lookup of sources and places by a misspelt or transliterated name. */
export const FuzzyNames = graphql(`
  query FuzzyNames($name: String!, $first: Int = 5) {
    searchSources(name: $name, first: $first) {
      totalCount
      edges {
        similarity
        node {
          name
          kind
        }
      }
    }
    searchLocations(name: $name, first: $first) {
      totalCount
      edges {
        similarity
        node {
          id
          name
          kind
          countryCode
        }
      }
    }
  }
`);

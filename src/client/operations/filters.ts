import { graphql } from '../gql/gql.js';

/** Claims matching a filter, in a chosen order, one keyset page at a time. */
export const FilteredClaims = graphql(`
  query FilteredClaims($filter: ClaimFilter, $orderBy: ClaimOrder, $first: Int = 20, $after: String) {
    claims(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          text
          quote
          claimedAt
          source {
            id
            name
            kind
          }
          article {
            url
          }
          locations {
            name
          }
        }
      }
    }
  }
`);

/** Articles matching a filter, in a chosen order. */
export const FilteredArticles = graphql(`
  query FilteredArticles($filter: ArticleFilter, $orderBy: ArticleOrder, $first: Int = 20, $after: String) {
    articles(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          url
          title
          outlet
          publishedAt
        }
      }
    }
  }
`);

/** Sources matching a filter, in a chosen order. */
export const FilteredSources = graphql(`
  query FilteredSources($filter: SourceFilter, $orderBy: SourceOrder, $first: Int = 20, $after: String) {
    sources(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          kind
        }
      }
    }
  }
`);

/** A source's claims and an article's claims, each filtered (nested connections take filters too). */
export const NestedClaimFilters = graphql(`
  query NestedClaimFilters($source: String!, $url: String!, $sourceFilter: ClaimFilter, $articleFilter: ClaimFilter) {
    source(name: $source) {
      name
      claims(filter: $sourceFilter, orderBy: CLAIMED_ASC, first: 50) {
        totalCount
        edges {
          node {
            text
            quote
            claimedAt
          }
        }
      }
    }
    article(url: $url) {
      claims(filter: $articleFilter, first: 50) {
        totalCount
        edges {
          node {
            text
            source {
              kind
            }
          }
        }
      }
    }
  }
`);

/** Places matching a filter (kind, country, name prefix, inside another place). */
export const FilteredLocations = graphql(`
  query FilteredLocations($filter: LocationFilter, $orderBy: LocationOrder, $first: Int = 20, $after: String) {
    locations(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          kind
          countryCode
          ancestors {
            name
          }
        }
      }
    }
  }
`);

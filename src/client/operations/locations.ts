import { graphql } from '../gql/gql.js';

/** The central question: which sources made claims about a place, in any spelling. */
export const CentralQuestion = graphql(`
  query CentralQuestion($name: String!, $first: Int = 20, $includeContained: Boolean = true) {
    location(name: $name) {
      id
      name
      countryCode
      kind
      sources(first: $first, includeContained: $includeContained) {
        totalCount
        edges {
          claimCount
          unresolved
          speakerTexts
          node {
            name
            kind
          }
        }
      }
      claims(first: $first, includeContained: $includeContained) {
        totalCount
        edges {
          node {
            text
            speakerText
            source {
              name
            }
            article {
              url
            }
          }
        }
      }
    }
  }
`);

export const LocationByName = graphql(`
  query LocationByName($name: String!) {
    location(name: $name) {
      id
      name
      kind
      countryCode
      latitude
      longitude
      ancestors {
        name
        kind
      }
    }
  }
`);

export const LocationSourcesPage = graphql(`
  query LocationSourcesPage($name: String!, $first: Int!, $after: String) {
    location(name: $name) {
      sources(first: $first, after: $after, includeContained: true) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          claimCount
          node {
            name
          }
        }
      }
    }
  }
`);

/** The central question narrowed: only some kinds of source, or a time window. */
export const LocationClaimsFiltered = graphql(`
  query LocationClaimsFiltered($name: String!, $filter: ClaimFilter) {
    location(name: $name) {
      sources(first: 20, includeContained: true, filter: $filter) {
        totalCount
        edges {
          claimCount
          node {
            name
            kind
          }
        }
      }
      claims(first: 20, includeContained: true, filter: $filter) {
        totalCount
        edges {
          node {
            text
            claimedAt
          }
        }
      }
    }
  }
`);

import { graphql } from '../gql/gql.js';

export const SourceByName = graphql(`
  query SourceByName($name: String!) {
    source(name: $name) {
      id
      name
      kind
      aliases
      claimCount
      claims(first: 10) {
        totalCount
        edges {
          node {
            text
          }
        }
      }
      locations(first: 10) {
        totalCount
        edges {
          claimCount
          node {
            name
            kind
          }
        }
      }
    }
  }
`);

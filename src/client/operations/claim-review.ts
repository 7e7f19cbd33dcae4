import { graphql } from '../gql/gql.js';

export const ArticleClaimReview = graphql(`
  query ArticleClaimReview($first: Int!) {
    articles(first: $first) {
      edges {
        node {
          url
          claimReview(first: 100) {
            totalCount
            edges {
              node
            }
          }
        }
      }
    }
  }
`);

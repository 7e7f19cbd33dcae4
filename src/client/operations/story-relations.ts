import { graphql } from '../gql/gql.js';

export const RelatedArticles = graphql(`
  query RelatedArticles($first: Int!, $relatedFirst: Int!) {
    articles(first: $first) {
      edges {
        node {
          url
          relatedArticles(first: $relatedFirst) {
            totalCount
            edges {
              strength
              reasons {
                kind
                name
              }
              node {
                url
                title
              }
            }
          }
        }
      }
    }
  }
`);

export const ClaimCorroboration = graphql(`
  query ClaimCorroboration($url: String!, $first: Int!) {
    article(url: $url) {
      claims(first: $first) {
        edges {
          node {
            id
            text
            source {
              name
            }
            corroboratedBy(first: 10) {
              totalCount
              edges {
                overlap
                sharedTerms
                reasons
                node {
                  text
                  source {
                    name
                  }
                  article {
                    url
                  }
                }
              }
            }
            contradictedBy(first: 10) {
              totalCount
              edges {
                overlap
                reasons
                node {
                  text
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
      }
    }
  }
`);

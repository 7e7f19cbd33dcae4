import { graphql } from '../gql/gql.js';

export const ArticleByUrl = graphql(`
  query ArticleByUrl($url: String!) {
    article(url: $url) {
      id
      url
      title
      publishedAt
      pageDate
      outlet
      body
      claims(first: 50) {
        totalCount
        edges {
          node {
            text
            quote
            zone
            speakerText
            via
            claimedAt
            span {
              start
              end
            }
            source {
              name
              kind
            }
            locations {
              name
              kind
            }
            mentions {
              asWritten
              coref
              span {
                start
                end
              }
            }
          }
        }
      }
      relatedLinks(first: 10) {
        totalCount
        edges {
          node {
            title
            url
          }
        }
      }
    }
  }
`);

export const ArticlesGraph = graphql(`
  query ArticlesGraph($first: Int!, $after: String) {
    articles(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          url
          title
          claims(first: 20) {
            edges {
              node {
                text
                source {
                  name
                  kind
                }
                locations {
                  name
                }
              }
            }
          }
          sources(first: 10) {
            edges {
              claimCount
              node {
                name
              }
            }
          }
          locations(first: 10) {
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

export const ImportArticle = graphql(`
  mutation ImportArticle($input: ImportArticleInput!) {
    importArticle(input: $input) {
      status
      claimCount
      article {
        id
        url
      }
    }
  }
`);

export const IngestArticle = graphql(`
  mutation IngestArticle($input: IngestArticleInput!) {
    ingestArticle(input: $input) {
      status
      claimCount
      sourceCount
      locationCount
      warnings
      article {
        title
        publishedAt
        pageDate
        relatedLinks(first: 10) {
          edges {
            node {
              title
            }
          }
        }
      }
    }
  }
`);

import { graphql } from '../gql/gql.js';

/** Claim counts per interval for a place, a source and/or a full-text search. */
export const Timeline = graphql(`
  query Timeline(
    $interval: TimelineInterval!
    $location: ID
    $includeContained: Boolean = false
    $source: ID
    $search: String
    $first: Int = 100
  ) {
    timeline(
      interval: $interval
      location: $location
      includeContained: $includeContained
      source: $source
      search: $search
      first: $first
    ) {
      totalCount
      edges {
        node {
          start
          count
        }
      }
    }
  }
`);

/** The timelines of every place in the graph: one SQL statement for all of them. */
export const LocationTimelines = graphql(`
  query LocationTimelines($interval: TimelineInterval!, $first: Int = 100) {
    locations(first: $first) {
      edges {
        node {
          name
          timeline(interval: $interval, includeContained: true) {
            totalCount
            edges {
              node {
                start
                count
              }
            }
          }
        }
      }
    }
  }
`);

/** The timelines of every source. */
export const SourceTimelines = graphql(`
  query SourceTimelines($interval: TimelineInterval!, $first: Int = 100) {
    sources(first: $first) {
      edges {
        node {
          name
          timeline(interval: $interval) {
            totalCount
            edges {
              node {
                start
                count
              }
            }
          }
        }
      }
    }
  }
`);

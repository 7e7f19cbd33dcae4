import { graphql } from '../gql/gql.js';

export const ClaimAdded = graphql(`
  subscription ClaimAdded($locationId: ID!, $includeContained: Boolean) {
    claimAdded(locationId: $locationId, includeContained: $includeContained) {
      id
      text
      claimedAt
      source {
        name
      }
      locations {
        name
      }
      article {
        url
      }
    }
  }
`);

export const ClaimAddedBySource = graphql(`
  subscription ClaimAddedBySource($sourceId: ID!) {
    claimAddedBySource(sourceId: $sourceId) {
      id
      text
      article {
        url
      }
    }
  }
`);

export const WatchIds = graphql(`
  query WatchIds($place: String!, $container: String!, $source: String!) {
    place: location(name: $place) {
      id
      name
    }
    container: location(name: $container) {
      id
      name
    }
    source(name: $source) {
      id
    }
  }
`);

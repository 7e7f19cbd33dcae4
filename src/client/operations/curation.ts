import { graphql } from '../gql/gql.js';

export const MergeSources = graphql(`
  mutation MergeSources($keepId: ID!, $mergeId: ID!) {
    mergeSources(keepId: $keepId, mergeId: $mergeId) {
      action {
        id
        kind
        summary
      }
      source {
        id
        name
        aliases
        claimCount
      }
    }
  }
`);

export const MergeLocations = graphql(`
  mutation MergeLocations($keepId: ID!, $mergeId: ID!) {
    mergeLocations(keepId: $keepId, mergeId: $mergeId) {
      action {
        id
        kind
        summary
      }
      location {
        id
        name
        aliases
      }
    }
  }
`);

export const CorrectClaimSpeaker = graphql(`
  mutation CorrectClaimSpeaker($claimId: ID!, $sourceId: ID, $speaker: SpeakerCorrectionInput) {
    correctClaimSpeaker(claimId: $claimId, sourceId: $sourceId, speaker: $speaker) {
      action {
        id
        kind
        summary
      }
      claim {
        id
        speakerText
        source {
          id
          name
          kind
        }
      }
    }
  }
`);

export const CorrectClaimPlaces = graphql(`
  mutation CorrectClaimPlaces($claimId: ID!, $locationIds: [ID!], $placeNames: [String!]) {
    correctClaimPlaces(claimId: $claimId, locationIds: $locationIds, placeNames: $placeNames) {
      action {
        id
        kind
        summary
      }
      claim {
        id
        mentions {
          asWritten
          span {
            start
            end
          }
          location {
            id
            name
          }
        }
      }
    }
  }
`);

export const UndoCuration = graphql(`
  mutation UndoCuration($actionId: ID!) {
    undoCuration(actionId: $actionId) {
      id
      kind
      undoneAt
      summary
    }
  }
`);

export const CurationActions = graphql(`
  query CurationActions($first: Int = 20, $after: String) {
    curationActions(first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          kind
          createdAt
          undoneAt
          summary
        }
      }
    }
  }
`);

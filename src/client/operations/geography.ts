import { graphql } from '../gql/gql.js';

/** Places, claims and sources around a point. */
export const Nearby = graphql(`
  query Nearby($latitude: Float!, $longitude: Float!, $radiusKm: Float!, $first: Int = 20) {
    locationsNear(latitude: $latitude, longitude: $longitude, radiusKm: $radiusKm, first: $first) {
      totalCount
      edges {
        distanceKm
        node {
          name
          kind
          latitude
          longitude
          ancestors {
            name
          }
        }
      }
    }
    claimsNear(latitude: $latitude, longitude: $longitude, radiusKm: $radiusKm, first: $first) {
      totalCount
      edges {
        distanceKm
        node {
          text
          source {
            name
          }
        }
      }
    }
    sourcesNear(latitude: $latitude, longitude: $longitude, radiusKm: $radiusKm, first: $first) {
      totalCount
      edges {
        distanceKm
        claimCount
        node {
          name
          kind
        }
      }
    }
  }
`);

/** Places inside a latitude/longitude box. */
export const LocationsInBox = graphql(`
  query LocationsInBox($south: Float!, $west: Float!, $north: Float!, $east: Float!, $first: Int = 20, $after: String) {
    locationsInBox(south: $south, west: $west, north: $north, east: $east, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        distanceKm
        node {
          name
          kind
          population
        }
      }
    }
  }
`);

/** Every place with its coordinates (a map layer). */
export const PlacesWithCoordinates = graphql(`
  query PlacesWithCoordinates($first: Int = 100, $after: String) {
    locations(first: $first, after: $after) {
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
          latitude
          longitude
        }
      }
    }
  }
`);

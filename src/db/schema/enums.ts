import { pgEnum } from 'drizzle-orm/pg-core';

export const sourceKind = pgEnum('source_kind', [
  'PERSON',
  'ORGANIZATION',
  'GOVERNMENT',
  'MILITARY',
  'MEDIA',
  'GROUP',
  'ANONYMOUS',
]);

export const quoteKind = pgEnum('quote_kind', ['DIRECT', 'INDIRECT', 'PARTIAL']);

export const claimZone = pgEnum('claim_zone', ['HEADLINE', 'BODY']);

export const LOCATION_KINDS = ['CITY', 'REGION', 'COUNTRY', 'OTHER'] as const;
export const locationKind = pgEnum('location_kind', LOCATION_KINDS);

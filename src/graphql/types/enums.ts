import { LOCATION_KINDS } from '../../db/schema/enums.js';
import { QUOTE_KINDS, SOURCE_KINDS } from '../../ingest/types.js';
import { builder } from '../builder.js';

export const SourceKindEnum = builder.enumType('SourceKind', {
  description: 'What kind of speaker a source is. ANONYMOUS sources are unnamed people, kept per article.',
  values: SOURCE_KINDS,
});

export const QuoteKindEnum = builder.enumType('QuoteKind', {
  description: 'How the claim is reported: quoted word for word, paraphrased, or partly quoted.',
  values: QUOTE_KINDS,
});

export const LocationKindEnum = builder.enumType('LocationKind', {
  description:
    'City (any populated place), first-level region (province, governorate, state), country, or other.',
  values: LOCATION_KINDS,
});

export const ClaimZoneEnum = builder.enumType('ClaimZone', {
  description: 'Where on the page the claim stands.',
  values: ['HEADLINE', 'BODY'] as const,
});

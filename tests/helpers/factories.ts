import type { ArticleInput } from '../../src/domain/article-input.js';

type SourceKind = 'PERSON' | 'ORGANIZATION' | 'GOVERNMENT' | 'MILITARY' | 'MEDIA' | 'GROUP' | 'ANONYMOUS';

export interface ClaimSpec {
  /** The claim's words; each of `places` must occur in it. */
  text: string;
  speaker?: { name: string; kind: SourceKind; aliases?: string[] } | null;
  speakerText?: string | null;
  places?: { name: string; kind?: 'CITY' | 'REGION' | 'COUNTRY'; countryCode?: string }[];
  quote?: 'DIRECT' | 'INDIRECT' | 'PARTIAL';
  claimedAt?: string | null;
}

export interface ArticleSpec {
  url: string;
  title?: string;
  publishedAt?: string | null;
  outlet?: string | null;
  claims: ClaimSpec[];
}

/**
 * importArticle input for a small made-up article: one paragraph per claim, with offsets
 * computed, so tests state only what they care about.
 */
export function articleInput(spec: ArticleSpec): ArticleInput {
  let body = '';
  const claims = spec.claims.map((claim) => {
    const start = body.length;
    body += `${claim.text}\n`;
    return {
      start,
      end: start + claim.text.length,
      quote: claim.quote ?? 'INDIRECT',
      speakerText: claim.speakerText ?? claim.speaker?.name ?? null,
      speaker: claim.speaker ?? null,
      claimedAt: claim.claimedAt ?? null,
      places: (claim.places ?? []).map((place) => {
        const at = claim.text.indexOf(place.name);
        if (at < 0) throw new Error(`"${place.name}" is not in "${claim.text}"`);
        return {
          name: place.name,
          start: start + at,
          end: start + at + place.name.length,
          kind: place.kind ?? null,
          countryCode: place.countryCode ?? null,
        };
      }),
    };
  });
  return {
    url: spec.url,
    title: spec.title ?? null,
    body,
    publishedAt: spec.publishedAt ?? null,
    outlet: spec.outlet ?? null,
    claims,
  };
}

/** Dates (claimedAt) of the made-up observatory claims about Raqqa, spread over days, weeks and months. */
export const OBSERVATORY_DATES = ['2017-10-02', '2017-10-03', '2017-10-03', '2017-10-17', '2017-11-05'];

/**
 * Articles whose claims are dated by the text: one claim per date by a monitoring group about
 * Raqqa, plus one about Aleppo, so timelines and time windows have known answers.
 */
export function observatoryArticles(): ArticleInput[] {
  return OBSERVATORY_DATES.map((date, i) =>
    articleInput({
      url: `https://wire.example/observatory-${i}`,
      publishedAt: '2017-11-10',
      claims: [
        {
          text: `The Observatory said shelling hit Raqqa on day ${i}.`,
          speaker: { name: 'Syrian Observatory', kind: 'ORGANIZATION' },
          places: [{ name: 'Raqqa', kind: 'CITY', countryCode: 'SY' }],
          claimedAt: date,
        },
        {
          text: `The Observatory said Aleppo was calm on day ${i}.`,
          speaker: { name: 'Syrian Observatory', kind: 'ORGANIZATION' },
          places: [{ name: 'Aleppo', kind: 'CITY', countryCode: 'SY' }],
          claimedAt: date,
        },
      ],
    }),
  );
}

import { describe, expect, it } from 'vitest';
import { type ClaimReviewSource, toClaimReview } from '../../src/domain/claim-review.js';

const row: ClaimReviewSource = {
  articleId: 1,
  claimId: 7,
  text: 'As many as 400 militants are holding out in a small pocket of Raqqa, the Pentagon said.',
  claimedAt: new Date('2017-10-10T00:00:00Z'),
  sourceName: 'Pentagon',
  sourceKind: 'GOVERNMENT',
  speakerText: 'the Pentagon',
  url: 'https://test.example/a',
  title: 'Final push on Raqqa',
  outlet: 'Test Wire',
  publishedAt: '2017-10-12T00:00:00.000Z',
};

describe('ClaimReview JSON-LD', () => {
  it('has the schema.org context and type, and every property ClaimReview consumers require', () => {
    const review = toClaimReview(row);
    expect(review['@context']).toBe('https://schema.org');
    expect(review['@type']).toBe('ClaimReview');
    for (const key of ['url', 'claimReviewed', 'datePublished', 'author', 'reviewRating', 'itemReviewed'])
      expect(review).toHaveProperty(key);
    expect(review.claimReviewed).toBe(row.text);
    expect(review.datePublished).toBe('2017-10-12');
    expect(review.url).toBe('https://test.example/a#claim-7');
  });

  it('reviews a Claim whose author is the claimant and whose appearances are the article', () => {
    const item = toClaimReview(row).itemReviewed as Record<string, Record<string, unknown>>;
    expect(item['@type']).toBe('Claim');
    expect(item.author).toEqual({ '@type': 'Organization', name: 'Pentagon' });
    expect(item.dateCreated).toBe('2017-10-10');
    expect(item.appearance).toMatchObject({
      '@type': 'NewsArticle',
      url: 'https://test.example/a',
      headline: 'Final push on Raqqa',
    });
    expect(item.firstAppearance).toEqual(item.appearance);
  });

  it('names a person as a Person, and leaves the author out when the speaker is unknown', () => {
    const person = toClaimReview({ ...row, sourceName: 'Dillon', sourceKind: 'PERSON' })
      .itemReviewed as Record<string, unknown>;
    expect(person.author).toEqual({ '@type': 'Person', name: 'Dillon' });
    const unknown = toClaimReview({ ...row, sourceName: null, sourceKind: null }).itemReviewed as Record<
      string,
      unknown
    >;
    expect(unknown).not.toHaveProperty('author');
    expect(JSON.parse(JSON.stringify(unknown))).toEqual(unknown);
  });
});

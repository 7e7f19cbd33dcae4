import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDemonym } from '../../src/geo/demonyms.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import type { Gazetteer } from '../../src/geo/types.js';
import { extractArticle } from '../../src/ingest/extract-article.js';
import type { ArticleDraft } from '../../src/ingest/types.js';

// Pieces of news-like text, so random pages reach the interesting code paths (reporting verbs,
// quotes, places, pronouns, datelines, related-story lines) and not only the empty ones.
const fragment = fc.constantFrom(
  'The minister said',
  'he said',
  'she told Reuters',
  'according to officials,',
  '"We are ready,"',
  '“They fled,” a witness said.',
  'in Raqqa',
  'near Deir al-Zor Province',
  'the city',
  'there',
  'Syrian',
  'More news: Something else entirely',
  'DAMASCUS (Reuters) -',
  'Wednesday, 18 July 2018',
  ', adding that',
  '.',
  '\n',
  '\n\n',
  '😀',
  '«»',
  'قال',
  '\u0000',
  '<p>',
  '</div>',
);
const page = fc
  .array(fc.oneof({ weight: 4, arbitrary: fragment }, { weight: 1, arbitrary: fc.string() }), {
    maxLength: 60,
  })
  .map((parts) => parts.join(' '));

/** Every offset the draft gives must index into its own body. */
function checkOffsets(draft: ArticleDraft): void {
  for (const claim of draft.claims) {
    expect(claim.start).toBeGreaterThanOrEqual(0);
    expect(claim.end).toBeLessThanOrEqual(draft.body.length);
    expect(draft.body.slice(claim.start, claim.end)).toBe(claim.text);
    for (const mention of claim.places)
      expect(draft.body.slice(mention.start, mention.end)).toBe(mention.asWritten);
  }
}

describe('extraction on random pages (fast-check)', () => {
  let gazetteer: Gazetteer;
  const extract = (input: { url: string; text?: string; html?: string }) =>
    extractArticle(input, gazetteer, { demonymCountry: isDemonym });

  beforeAll(async () => {
    gazetteer = await loadGazetteer();
  });

  it('never throws, keeps offsets inside the body, and is deterministic (text)', () => {
    fc.assert(
      fc.property(page, (text) => {
        const draft = extract({ url: 'https://fuzz.example/t', text });
        checkOffsets(draft);
        expect(extract({ url: 'https://fuzz.example/t', text })).toEqual(draft);
      }),
      { numRuns: 150, seed: 20261125 },
    );
  });

  it('never throws and keeps offsets inside the body (HTML)', () => {
    fc.assert(
      fc.property(page, fc.string(), (text, noise) => {
        const html = `<html><body><script>${noise}</script><div><p>${text}</p></div></body></html>`;
        checkOffsets(extract({ url: 'https://fuzz.example/h', html }));
      }),
      { numRuns: 100, seed: 20261125 },
    );
  });
});

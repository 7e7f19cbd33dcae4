import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDemonym } from '../../src/geo/demonyms.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { stripRegionWord } from '../../src/geo/region-words.js';
import { spellingKey } from '../../src/geo/spelling-key.js';
import type { Gazetteer } from '../../src/geo/types.js';
import { type GoldDoc, scoreDoc } from '../../src/ingest/eval.js';
import { type EvalSummary, summarise } from '../../src/ingest/eval-summary.js';
import { extractArticle } from '../../src/ingest/extract-article.js';
import { CORPUS } from './helpers.js';

let summary: EvalSummary;

beforeAll(async () => {
  const gazetteer: Gazetteer = await loadGazetteer();
  const gold = JSON.parse(readFileSync(join(CORPUS, 'dev/gold.json'), 'utf8')) as Record<string, GoldDoc>;
  const key = (name: string) => spellingKey(stripRegionWord(name).base);
  const docs = readdirSync(join(CORPUS, 'dev/texts'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => {
      const id = f.replace(/\.txt$/, '');
      const draft = extractArticle(
        { url: id, text: readFileSync(join(CORPUS, 'dev/texts', f), 'utf8') },
        gazetteer,
        { demonymCountry: isDemonym },
      );
      const keys = (p: { name: string; placeKey: string | null }) =>
        [p.name, ...((p.placeKey && gazetteer.get(p.placeKey)?.alternateNames) || [])].map(key);
      return scoreDoc(draft, gold[id], key, keys);
    });
  summary = summarise(docs);
});

// Floors sit a little under the scores reached when this test was written (reports/eval-dev.json).
describe('dev set scores stay at or above their floors', () => {
  it('claim detection', () => {
    expect(summary.claims.precision).toBeGreaterThanOrEqual(0.97);
    expect(summary.claims.recall).toBeGreaterThanOrEqual(0.94);
  });
  it('speakers', () => {
    expect(summary.speakers.accuracy).toBeGreaterThanOrEqual(0.91);
    expect(summary.referring.accuracy).toBeGreaterThanOrEqual(0.94);
  });
  it('(source, place) pairs and place resolution', () => {
    expect(summary.pairs.f1).toBeGreaterThanOrEqual(0.83);
    expect(summary.pairs.precision).toBeGreaterThanOrEqual(0.9);
    expect(summary.places.recall).toBeGreaterThanOrEqual(0.8);
    expect(summary.places.resolutionAccuracy).toBeGreaterThanOrEqual(0.91);
  });
  it('related links', () => {
    expect(summary.links.recall).toBeGreaterThanOrEqual(0.8);
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyseClaim, type ClaimVerdict, compareClaims, lemma } from '../../src/domain/claim-similarity.js';

interface LabelledPair {
  a: string;
  b: string;
  label: ClaimVerdict;
}

const fixture = fileURLToPath(new URL('../fixtures/claim-pairs.json', import.meta.url));
const pairs: LabelledPair[] = JSON.parse(readFileSync(fixture, 'utf8')).pairs;

/** Precision and recall of one verdict over the labelled pairs. */
function measure(verdict: ClaimVerdict) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const pair of pairs) {
    const predicted = compareClaims(pair.a, pair.b).verdict;
    if (predicted === verdict && pair.label === verdict) tp++;
    else if (predicted === verdict) fp++;
    else if (pair.label === verdict) fn++;
  }
  return { precision: tp / (tp + fp), recall: tp / (tp + fn) };
}

describe('claim similarity on the labelled pairs', () => {
  it('has 20–30 pairs covering every verdict', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(20);
    expect(pairs.length).toBeLessThanOrEqual(30);
    expect(new Set(pairs.map((p) => p.label))).toEqual(new Set(['CORROBORATES', 'CONTRADICTS', 'UNRELATED']));
  });

  it('finds corroboration with precision >= 0.9 and recall >= 0.9', () => {
    const { precision, recall } = measure('CORROBORATES');
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('finds contradiction with precision >= 0.9 and recall >= 0.9', () => {
    const { precision, recall } = measure('CONTRADICTS');
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('is symmetric', () => {
    for (const pair of pairs)
      expect(compareClaims(pair.b, pair.a).verdict).toBe(compareClaims(pair.a, pair.b).verdict);
  });
});

describe('claim similarity parts', () => {
  it('lemmatises plurals and past tenses to one form', () => {
    for (const forms of [
      ['strikes', 'strike'],
      ['cities', 'city'],
      ['stopped', 'stopping', 'stop'],
      ['closed', 'closes', 'close'],
    ])
      expect(new Set(forms.map(lemma)).size).toBe(1);
  });

  it('reads numbers with the thing they count, in digits or words', () => {
    expect(analyseClaim('Fifteen militants surrendered').numbers.get('militant')).toEqual(new Set([15]));
    expect(analyseClaim('more than 2,000 families fled').numbers.get('family')).toEqual(new Set([2000]));
  });

  it('corroborates on the same number and contradicts on a different one for the same quantity', () => {
    const same = compareClaims(
      '400 militants hold a pocket of the city',
      'About 400 militants hold the pocket in the city',
    );
    expect(same.verdict).toBe('CORROBORATES');
    expect(same.reasons).toContain('same number 400 militant');
    const different = compareClaims(
      '400 militants hold a pocket of the city',
      '150 militants hold the pocket in the city',
    );
    expect(different.verdict).toBe('CONTRADICTS');
    expect(different.reasons[0]).toMatch(/different numbers for militant/);
  });

  it('contradicts on a negation mismatch, with "n\'t" read as not', () => {
    const result = compareClaims('Troops encircled the town', "Troops didn't encircle the town");
    expect(result.verdict).toBe('CONTRADICTS');
    expect(result.reasons).toEqual(['negation mismatch']);
  });

  it('contradicts on opposite predicates', () => {
    const result = compareClaims(
      'The border crossing reopened on Friday',
      'The border crossing closed on Friday',
    );
    expect(result.verdict).toBe('CONTRADICTS');
    expect(result.reasons).toEqual(['opposite predicates: reopen / clos']);
  });

  it('calls claims with little shared content unrelated, whatever their numbers', () => {
    expect(compareClaims('3 hospitals closed', 'The council approved 3 budgets').verdict).toBe('UNRELATED');
  });
});

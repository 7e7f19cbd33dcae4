import type { DocCounts } from './eval.js';

/** Scores over a set of pages. */
export interface EvalSummary {
  documents: number;
  claims: { gold: number; predicted: number; matched: number; precision: number; recall: number; f1: number };
  speakers: { correct: number; wrong: number; unresolved: number; accuracy: number };
  referring: { correct: number; wrong: number; unresolved: number; accuracy: number };
  pairs: { precision: number; recall: number; f1: number; gold: number; predicted: number };
  places: { gold: number; found: number; resolvedRight: number; recall: number; resolutionAccuracy: number };
  links: { gold: number; found: number; recall: number };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : Math.round(((2 * p * r) / (p + r)) * 1000) / 1000);

/** Adds up per-page counts into precision, recall, accuracy and F1. */
export function summarise(docs: DocCounts[]): EvalSummary {
  const sum = (f: (d: DocCounts) => number) => docs.reduce((a, d) => a + f(d), 0);
  const gold = sum((d) => d.gold);
  const predicted = sum((d) => d.predicted);
  const matched = sum((d) => d.matched);
  const precision = ratio(matched, predicted);
  const recall = ratio(matched, gold);
  const sp = {
    correct: sum((d) => d.speaker.correct),
    wrong: sum((d) => d.speaker.wrong),
    unresolved: sum((d) => d.speaker.unresolved),
  };
  const rf = {
    correct: sum((d) => d.referring.correct),
    wrong: sum((d) => d.referring.wrong),
    unresolved: sum((d) => d.referring.unresolved),
  };
  const pairP = ratio(
    sum((d) => d.pairs.predictedMatched),
    sum((d) => d.pairs.predicted),
  );
  const pairR = ratio(
    sum((d) => d.pairs.goldMatched),
    sum((d) => d.pairs.gold),
  );
  const pl = {
    gold: sum((d) => d.places.gold),
    found: sum((d) => d.places.found),
    resolvedRight: sum((d) => d.places.resolvedRight),
  };
  const ln = { gold: sum((d) => d.links.gold), found: sum((d) => d.links.found) };
  return {
    documents: docs.length,
    claims: { gold, predicted, matched, precision, recall, f1: f1(precision, recall) },
    speakers: { ...sp, accuracy: ratio(sp.correct, sp.correct + sp.wrong + sp.unresolved) },
    referring: { ...rf, accuracy: ratio(rf.correct, rf.correct + rf.wrong + rf.unresolved) },
    pairs: {
      precision: pairP,
      recall: pairR,
      f1: f1(pairP, pairR),
      gold: sum((d) => d.pairs.gold),
      predicted: sum((d) => d.pairs.predicted),
    },
    places: {
      ...pl,
      recall: ratio(pl.found, pl.gold),
      resolutionAccuracy: ratio(pl.resolvedRight, pl.found),
    },
    links: { ...ln, recall: ratio(ln.found, ln.gold) },
  };
}

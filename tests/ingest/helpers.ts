import { fileURLToPath } from 'node:url';
import { isDemonym } from '../../src/geo/demonyms.js';
import type { Gazetteer } from '../../src/geo/types.js';
import { extractArticle } from '../../src/ingest/extract-article.js';
import type { ArticleDraft } from '../../src/ingest/types.js';

/** ../shared/corpus, resolved from this file so tests run from any working directory. */
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

/** Runs the pipeline on a text written for a test. */
export function extract(text: string, gazetteer: Gazetteer): ArticleDraft {
  return extractArticle({ url: 'test:fixture', text }, gazetteer, { demonymCountry: isDemonym });
}

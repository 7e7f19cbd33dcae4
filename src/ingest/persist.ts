import type { Database } from '../db/client.js';
import { contentHash, findUnchanged, type SaveResult, saveArticleGraph } from '../domain/article-graph.js';
import { type InputIssue, InvalidInputError } from '../domain/errors.js';
import { wellFormed } from '../domain/well-formed.js';
import { isDemonym } from '../geo/demonyms.js';
import type { Gazetteer } from '../geo/types.js';
import type { ArticleInput } from './extract-article.js';

/** Largest page accepted, in characters (text or HTML); a long feature is ~100k. */
export const MAX_PAGE_CHARS = 2_000_000;

export interface IngestResult extends SaveResult {
  sourceCount: number;
  locationCount: number;
  warnings: string[];
}

/** Share of characters that may be control or replacement characters before a page counts as binary. */
const BINARY_SHARE = 0.02;

/** Problems that make a page unusable; empty when it can be ingested. */
export function pageIssues(input: ArticleInput, maxChars = MAX_PAGE_CHARS): InputIssue[] {
  const issues: InputIssue[] = [];
  if (!URL.canParse(input.url ?? '')) issues.push({ path: 'url', message: 'not a valid absolute URL' });
  const hasText = typeof input.text === 'string';
  const hasHtml = typeof input.html === 'string';
  if (hasText === hasHtml) {
    issues.push({ path: 'text', message: 'give exactly one of text or html' });
    return issues;
  }
  const field = hasText ? 'text' : 'html';
  const content = (hasText ? input.text : input.html) as string;
  if (content.length > maxChars)
    issues.push({
      path: field,
      message: `page has ${content.length} characters, more than the limit of ${maxChars}`,
    });
  else if (content.trim() === '') issues.push({ path: field, message: 'page is empty' });
  else if (looksBinary(content))
    issues.push({ path: field, message: 'page looks binary (NUL or control bytes), not text' });
  return issues;
}

function looksBinary(content: string): boolean {
  if (content.includes('\u0000')) return true;
  const sample = content.slice(0, 100_000);
  const odd = sample.match(/[\u0001-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return odd / sample.length > BINARY_SHARE;
}

/**
 * Extracts one page and writes the article, claims, sources, places and related links in one
 * transaction. Idempotent by URL and content hash: an unchanged page is not extracted again;
 * a changed page replaces its claims. Bad pages throw InvalidInputError and write nothing.
 */
export async function ingestPage(
  db: Database,
  gazetteer: Gazetteer,
  input: ArticleInput,
  options: { maxChars?: number } = {},
): Promise<IngestResult> {
  const issues = pageIssues(input, options.maxChars);
  if (issues.length > 0) {
    const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new InvalidInputError(`Cannot ingest ${input.url ?? 'page'}: ${summary}`, issues);
  }
  input = storable(input);
  const hash = contentHash({ ...input, extractor: EXTRACTOR_VERSION });
  // Seen before, byte for byte: skip extraction (saveArticleGraph re-checks inside its transaction).
  const unchanged = await findUnchanged(db, input.url, hash);
  if (unchanged) return { ...unchanged, warnings: [] };
  // Loaded on first use: the NLP model costs start-up time and memory a server that only reads
  // never needs.
  const { extractArticle } = await import('./extract-article.js');
  const draft = extractArticle(input, gazetteer, { demonymCountry: isDemonym });
  if (draft.body.trim() === '') {
    const issue = { path: input.html != null ? 'html' : 'text', message: 'page has no readable text' };
    throw new InvalidInputError(`Cannot ingest ${input.url}: ${issue.path}: ${issue.message}`, [issue]);
  }
  const warnings = [...draft.warnings];
  if (draft.claims.length === 0) warnings.push('no attributed claims found on the page');
  // Extraction resolved every place it could; keyless mentions stay local places.
  const saved = await saveArticleGraph(db, draft, gazetteer, hash, { resolvePlaceNames: false });
  return { ...saved, warnings };
}

/** The page with every text field made storable (see wellFormed). */
function storable(input: ArticleInput): ArticleInput {
  const { text, html, title, outlet } = input;
  return {
    ...input,
    text: wellFormed(text),
    html: wellFormed(html),
    title: wellFormed(title),
    outlet: wellFormed(outlet),
  };
}

/**
 * Part of the content hash, so a better extractor re-extracts pages it has seen: bump it when
 * extraction changes what it produces.
 */
export const EXTRACTOR_VERSION = 2;

import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArticleInput } from '../ingest/extract-article.js';

/** One page to ingest, with where it came from for error messages. */
export interface PageItem {
  /** "file.txt", "feed.jsonl:12" */
  origin: string;
  input?: ArticleInput;
  /** Why the item could not even be read. */
  error?: string;
}

const PAGE_EXTENSIONS = new Set(['.txt', '.html', '.htm']);

/**
 * Expands CLI arguments into pages: .txt/.html files (URL = the file's file:// URL), directories
 * (their page files, recursively, sorted) and .jsonl files of {url, text|html, title?, publishedAt?, outlet?}.
 */
export async function expandInputs(args: string[]): Promise<PageItem[]> {
  const items: PageItem[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => null);
    if (!info) items.push({ origin: arg, error: 'no such file or directory' });
    else if (info.isDirectory()) items.push(...(await expandInputs(await pageFilesUnder(arg))));
    else if (extname(arg) === '.jsonl') items.push(...(await jsonlItems(arg)));
    else items.push(await fileItem(arg));
  }
  return items;
}

async function pageFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const paths = entries
    .filter((e) => e.isDirectory() || PAGE_EXTENSIONS.has(extname(e.name)) || extname(e.name) === '.jsonl')
    .map((e) => join(dir, e.name));
  return paths.sort();
}

async function fileItem(path: string): Promise<PageItem> {
  const bytes = await readFile(path);
  const content = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const url = pathToFileURL(resolve(path)).toString();
  const isHtml = ['.html', '.htm'].includes(extname(path));
  return { origin: path, input: isHtml ? { url, html: content } : { url, text: content } };
}

async function jsonlItems(path: string): Promise<PageItem[]> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  return lines.flatMap((line, i): PageItem[] => {
    if (line.trim() === '') return [];
    const origin = `${path}:${i + 1}`;
    try {
      const value = JSON.parse(line);
      if (!value || typeof value !== 'object' || Array.isArray(value))
        return [{ origin, error: 'line is not a JSON object' }];
      return [{ origin, input: value as ArticleInput }];
    } catch (error) {
      return [{ origin, error: `invalid JSON: ${(error as Error).message}` }];
    }
  });
}

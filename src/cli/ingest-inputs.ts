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
  const content = decodePage(await readFile(path));
  const url = pathToFileURL(resolve(path)).toString();
  const isHtml = ['.html', '.htm'].includes(extname(path));
  return { origin: path, input: isHtml ? { url, html: content } : { url, text: content } };
}

/**
 * Pages are UTF-8 unless they are not: bytes that are not valid UTF-8 are read as Windows-1252,
 * the usual encoding of older Western pages, rather than turned into replacement characters.
 */
export function decodePage(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

// Node's TextDecoder treats 'windows-1252' as Latin-1, which leaves 0x80-0x9F (curly quotes,
// dashes, the euro sign) as control characters; these are the characters Windows-1252 puts there.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes)
    out += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return out;
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

import { Parser } from 'htmlparser2';
import {
  type ClassifiedLine,
  classifyLines,
  endsWithSignoff,
  isHeadlineLike,
  videoTitle,
} from './page-lines.js';
import type { RelatedLinkDraft, Span } from './types.js';

/** Where a line sits on the page; only TITLE, SUBHEAD and BODY lines can carry claims. */
export type Zone = 'TITLE' | 'SUBHEAD' | 'BODY' | 'RELATED' | 'META' | 'DUPLICATE';

/** A line of the body with its zone; `textStart` skips a dateline ("KIEV (Reuters) - "). */
export interface PageLine {
  start: number;
  end: number;
  textStart: number;
  zone: Zone;
}

/** The page structure the claim stages work on. */
export interface PageStructure {
  body: string;
  title: string | null;
  publishedAt: string | null;
  pageDate: string | null;
  outlet: string | null;
  lines: PageLine[];
  relatedLinks: RelatedLinkDraft[];
  /** Datelines: never places of a claim. */
  datelines: Span[];
}

const SKIP_TAGS = new Set([
  'script',
  'style',
  'nav',
  'noscript',
  'template',
  'svg',
  'iframe',
  'form',
  'button',
]);
const BLOCK_TAGS =
  /^(?:p|div|h[1-6]|li|ul|ol|br|tr|section|article|header|footer|aside|figure|figcaption|blockquote|time|title|table|dd|dt)$/;

/** HTML → plain text with one line per block element; scripts, styles and navigation dropped. */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP_TAGS.has(name)) skipDepth++;
        else if (BLOCK_TAGS.test(name)) parts.push('\n');
      },
      onclosetag(name) {
        if (SKIP_TAGS.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (BLOCK_TAGS.test(name)) parts.push('\n');
      },
      ontext(text) {
        if (skipDepth === 0) parts.push(text.replace(/\s+/g, ' '));
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return parts
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const DATELINE_RE =
  /^\s*((?:\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:\s*,\s*\p{Lu}[\p{L}]+){0,1})?\s*(?:\(([^()]{1,30})\))?\s*(?:\[[^\]]{1,30}\])?\s*[-–—:]\s+)/u;
const CAPS_DATELINE_RE = /^\s*(\p{Lu}{3,}(?:[ ,]+\p{Lu}{3,})*)\s+(?=\p{Lu}\p{Ll})/u;

/** Length of a dateline at the start of a body paragraph, and the agency it names. */
function dateline(text: string): { length: number; agency: string | null } {
  const m = DATELINE_RE.exec(text);
  if (m && (m[1] || m[2]) && /^\s*(?:\p{Lu}{2}|\p{Lu}\p{Ll}+\s*[(\[]|\()/u.test(text)) {
    return { length: m[0].length, agency: m[2] ?? null };
  }
  const c = CAPS_DATELINE_RE.exec(text);
  if (c && text.length > 80) return { length: c[0].length, agency: null };
  return { length: 0, agency: null };
}

/** Reads title, dates, zones, datelines and related links from the page text. */
export function extractPage(input: {
  text?: string;
  html?: string;
  title?: string | null;
  outlet?: string | null;
  publishedAt?: string | null;
}): PageStructure {
  const body = (input.text ?? (input.html ? htmlToText(input.html) : '')).replace(/\r\n?/g, '\n');
  const classified = classifyLines(body);
  const titleIndex = findTitle(classified, input.title ?? null);
  const title =
    input.title ?? (titleIndex >= 0 ? classified[titleIndex].text.trim() : breadcrumbTitle(classified));
  const { publishedAt, pageDate } = pageDates(classified, titleIndex);
  const relatedLinks: RelatedLinkDraft[] = [];
  const lines = zoneLines(classified, titleIndex, title, relatedLinks);
  const datelines: Span[] = [];
  let outlet = input.outlet ?? null;
  for (const line of lines) {
    if (line.zone !== 'BODY') continue;
    const d = dateline(body.slice(line.start, line.end));
    if (d.length === 0) continue;
    datelines.push({ start: line.start, end: line.start + d.length });
    line.textStart = line.start + d.length;
    if (d.agency && /^(?:\p{Lu}{2,6}|Reuters|Bloomberg)$/u.test(d.agency)) outlet ??= d.agency;
  }
  return {
    body,
    title,
    publishedAt: input.publishedAt ?? publishedAt,
    pageDate,
    outlet,
    lines,
    relatedLinks,
    datelines,
  };
}

function breadcrumbTitle(lines: ClassifiedLine[]): string | null {
  return lines.find((l) => l.kind === 'BREADCRUMB' && l.linkTitle)?.linkTitle ?? null;
}

/** The headline: a given title, else the first headline-like line before the first paragraph. */
function findTitle(lines: ClassifiedLine[], given: string | null): number {
  const crumb = breadcrumbTitle(lines);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind !== 'TEXT') continue;
    const text = l.text.trim();
    if (given !== null ? text === given.trim() : text === crumb || isHeadlineLike(text)) return i;
    if (!isHeadlineLike(text)) return -1;
  }
  return -1;
}

/** Banner dates (weekday, before the headline) are when the page was served, not published. */
function pageDates(
  lines: ClassifiedLine[],
  titleIndex: number,
): { publishedAt: string | null; pageDate: string | null } {
  let publishedAt: string | null = null;
  let pageDate: string | null = null;
  lines.forEach((l, i) => {
    if (l.kind !== 'DATE' || !l.date) return;
    const banner =
      !l.date.field && l.date.hasWeekday && !l.date.hasTime && (titleIndex < 0 || i < titleIndex);
    if (banner) pageDate ??= l.date.iso;
    else publishedAt ??= l.date.iso;
  });
  return { publishedAt, pageDate: pageDate !== publishedAt ? pageDate : null };
}

function zoneLines(
  lines: ClassifiedLine[],
  titleIndex: number,
  title: string | null,
  links: RelatedLinkDraft[],
): PageLine[] {
  const seen = new Set<string>();
  const addLink = (t: string) => {
    if (!links.some((l) => l.title === t)) links.push({ title: t, url: null });
  };
  let ended = false;
  let videos = false;
  let bodyStarted = false;
  return lines.map((l, i) => {
    const text = l.text.trim();
    const line: PageLine = {
      start: l.start,
      end: l.end,
      textStart: l.start + (l.text.length - l.text.trimStart().length),
      zone: 'META',
    };
    if (l.kind === 'RELATED' && l.linkTitle) addLink(l.linkTitle);
    if (l.kind === 'SIGNOFF') ended = bodyStarted;
    if (l.kind === 'VIDEO_HEADING') videos = true;
    if (l.kind !== 'TEXT' && l.kind !== 'SHORT') return line;
    if (videos || ended) {
      const video = videoTitle(text);
      if (video) addLink(video);
      else if (ended && isHeadlineLike(text)) addLink(text);
      line.zone = 'RELATED';
      return line;
    }
    if (l.kind === 'SHORT') return line;
    if (i === titleIndex) line.zone = 'TITLE';
    else if (seen.has(text) || text === title) line.zone = 'DUPLICATE';
    else if (isHeadlineLike(text, 12)) line.zone = bodyStarted || titleIndex >= 0 ? 'SUBHEAD' : 'META';
    else {
      line.zone = 'BODY';
      bodyStarted = true;
      ended = endsWithSignoff(text);
    }
    seen.add(text);
    return line;
  });
}

import { parseDateLine } from './page-dates.js';

/** What a page line is, before we know where the title is. */
export type LineKind =
  | 'BLANK'
  | 'DATE'
  | 'BREADCRUMB'
  | 'RELATED'
  | 'VIDEO_HEADING'
  | 'SIGNOFF'
  | 'CAPTION'
  | 'META'
  | 'SHORT'
  | 'TEXT';

/** A classified line; `start` may skip a leading "date 2015-02-10" field. */
export interface ClassifiedLine {
  start: number;
  end: number;
  text: string;
  kind: LineKind;
  date?: { iso: string; hasWeekday: boolean; hasTime: boolean; field: boolean };
  /** Title a breadcrumb ends with, or the title of a related-story line. */
  linkTitle?: string;
}

const RELATED_RE =
  /^(?:More news|Read more|Related(?: stories| articles)?|See also|Also read|Read also|Recommended|Watch|More from [^:]{1,30})\s*:\s*(.+)$/i;
const VIDEO_HEADING_RE = /^(?:videos?|more videos|videos?:.*|recommended for you|comments|related videos?)$/i;
const SIGNOFF_RE =
  /^(?:Reported by|Reporting by|Edited by|Editing by|Writing by|Additional reporting|Compiled by)\b|\s[-–—]\s?[A-Z]{2,6}$/;
const CAPTION_RE = /Getty Images|REUTERS\/|AP Photo|AFP\/|\/\s*(?:Getty|Reuters|AP|AFP)\b|Photo:|Image:/;
const META_RE =
  /^(?:By\s+[\p{Lu}][\p{L} .'-]{0,40}$|Reading time|Loading|Updated|Share|Follow us|Tap here|Click here|Subscribe|Sign up|Leave a comment|\d+ comments?:?$|Home$|Latest news$)/iu;
const DATE_FIELD_RE = /^\s*date (\d{4}-\d{2}-\d{2})\s*/;

function words(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function classify(text: string): Pick<ClassifiedLine, 'kind' | 'date' | 'linkTitle'> {
  const t = text.trim();
  if (t === '') return { kind: 'BLANK' };
  const date = parseDateLine(t);
  if (date) return { kind: 'DATE', date: { ...date, field: false } };
  if (/\s[»›]\s/.test(t)) {
    const parts = t.split(/\s[»›]\s/);
    const last = parts[parts.length - 1].trim();
    return { kind: 'BREADCRUMB', linkTitle: /\btag(?:s|ged)?\b/i.test(t) ? undefined : last };
  }
  const related = RELATED_RE.exec(t);
  if (related) return { kind: 'RELATED', linkTitle: related[1].trim() };
  if (VIDEO_HEADING_RE.test(t)) return { kind: 'VIDEO_HEADING' };
  if (SIGNOFF_RE.test(t) && words(t) <= 12) return { kind: 'SIGNOFF' };
  if (CAPTION_RE.test(t)) return { kind: 'CAPTION' };
  if (META_RE.test(t) || /^[^\p{L}\p{N}“"'‘(]/u.test(t)) return { kind: 'META' };
  if (words(t) < 3 || !/^[\p{Lu}\p{N}“"‘'(]/u.test(t)) return { kind: 'SHORT' };
  return { kind: 'TEXT' };
}

/** Splits the body into lines and classifies each (date fields, breadcrumbs, related lines…). */
export function classifyLines(body: string): ClassifiedLine[] {
  const out: ClassifiedLine[] = [];
  let at = 0;
  for (const raw of body.split('\n')) {
    const lineStart = at;
    at += raw.length + 1;
    const field = DATE_FIELD_RE.exec(raw);
    if (field) {
      const date = parseDateLine(field[1]);
      if (date)
        out.push({
          start: lineStart,
          end: lineStart + field[0].length,
          text: field[0],
          kind: 'DATE',
          date: { ...date, field: true },
        });
      const restStart = lineStart + field[0].length;
      const rest = raw.slice(field[0].length);
      const c = classify(rest);
      // After a date field, a line of glued menu words is navigation, not text.
      const kind = c.kind === 'TEXT' && !/[.!?"”']$/.test(rest.trim()) ? 'META' : c.kind;
      out.push({ start: restStart, end: lineStart + raw.length, text: rest, ...c, kind });
      continue;
    }
    out.push({ start: lineStart, end: lineStart + raw.length, text: raw, ...classify(raw) });
  }
  return out;
}

/** True when a TEXT line reads like a headline: no closing full stop, not too long. */
export function isHeadlineLike(text: string, maxWords = 25): boolean {
  const t = text.trim();
  const n = words(t);
  return n >= 3 && n <= maxWords && !/[.:;,!?…]["”’']*$|["”’']$/.test(t) && !/\s·\s/.test(t);
}

/** A paragraph that ends with an agency sign-off (" - VNA") closes the article. */
export function endsWithSignoff(text: string): boolean {
  return /\s[-–—]\s?\p{Lu}{2,6}$/u.test(text.trim());
}

/** Video list entry "Title 1:04" → "Title"; null when the line has no running time. */
export function videoTitle(text: string): string | null {
  const m = /^(.*\S)\s+\d{1,2}:\d{2}$/.exec(text.trim());
  return m ? m[1] : null;
}

/** A date read from a page line. */
export interface PageDateLine {
  iso: string;
  /** "Wednesday, 18 July 2018" style: how site banners print the day the page was served. */
  hasWeekday: boolean;
  hasTime: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\.?,?\\s+';
const TIME = '(?:[,·|\\s-]+\\d{1,2}[:.]\\d{2}(?:\\s*[AaPp]\\.?[Mm]\\.?)?(?:\\s*[A-Z]{2,4})?)?';
const TAIL = '(?:\\s*[·|•-].*)?';
const DAY_MONTH_YEAR = new RegExp(
  `^(${WEEKDAY})?(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})(${TIME})${TAIL}$`,
  'i',
);
const MONTH_DAY_YEAR = new RegExp(
  `^(${WEEKDAY})?${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(${TIME})${TAIL}$`,
  'i',
);
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s]\d{2}:\d{2}.*)?$/;

function iso(year: string, monthName: string | number, day: string): string | null {
  const month =
    typeof monthName === 'number' ? monthName : MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  const d = Number(day);
  if (month < 1 || d < 1 || d > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Parses a line that is nothing but a date (with optional weekday, time and "· 3 years ago"). */
export function parseDateLine(line: string): PageDateLine | null {
  const text = line.trim();
  let m = DAY_MONTH_YEAR.exec(text);
  if (m) {
    const date = iso(m[4], m[3], m[2]);
    return date ? { iso: date, hasWeekday: !!m[1], hasTime: !!m[5]?.trim() } : null;
  }
  m = MONTH_DAY_YEAR.exec(text);
  if (m) {
    const date = iso(m[4], m[2], m[3]);
    return date ? { iso: date, hasWeekday: !!m[1], hasTime: !!m[5]?.trim() } : null;
  }
  m = ISO.exec(text);
  if (m) {
    const date = iso(m[1], Number(m[2]), m[3]);
    return date ? { iso: date, hasWeekday: false, hasTime: text.length > 10 } : null;
  }
  return null;
}

const IN_TEXT = new RegExp(
  `\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s*\\d{4})|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\b(?!,?\\s*\\d{4})`,
);

/** "October 10" / "10 October" inside a sentence, as ISO in `year`; null if none. */
export function monthDayIn(text: string, year: number | null): string | null {
  if (year === null) return null;
  const m = IN_TEXT.exec(text);
  if (!m) return null;
  return m[1] ? iso(String(year), m[1], m[2]) : iso(String(year), m[4], m[3]);
}

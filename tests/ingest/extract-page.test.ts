import { describe, expect, it } from 'vitest';
import { extractPage, htmlToText } from '../../src/ingest/extract-page.js';

const page = [
  'Monday, 4 May 2020',
  'Home » Storm closes coastal road, says council',
  '',
  'Storm closes coastal road, says council',
  '',
  '1 May 2020',
  '',
  'The council said the coastal road would stay shut until Friday.',
  '',
  'Read more: Ten tips for driving in snow',
  '',
  'More news: Local bakery wins national prize',
].join('\n');

describe('page structure', () => {
  it('takes the headline once, the dateline date as publication and the banner as page date', () => {
    const p = extractPage({ text: page });
    expect(p.title).toBe('Storm closes coastal road, says council');
    expect(p.publishedAt).toBe('2020-05-01');
    expect(p.pageDate).toBe('2020-05-04');
    expect(p.lines.filter((l) => l.zone === 'TITLE')).toHaveLength(1);
  });

  it('turns related-story lines into links, never body text', () => {
    const p = extractPage({ text: page });
    expect(p.relatedLinks.map((l) => l.title)).toEqual([
      'Ten tips for driving in snow',
      'Local bakery wins national prize',
    ]);
  });

  it('marks a dateline so it is never a place of a claim', () => {
    const p = extractPage({ text: 'Rail strike ends\n\nLYON (Reuters) - Workers said the strike was over.' });
    expect(p.datelines).toHaveLength(1);
    expect(p.body.slice(p.datelines[0].start, p.datelines[0].end)).toBe('LYON (Reuters) - ');
    expect(p.outlet).toBe('Reuters');
  });

  it('reads dates like "Feb 10, 2015 · 17:51" and "date 2015-02-10"', () => {
    expect(
      extractPage({ text: 'Dam opens on time\nMar 2, 2019 · 09:15\n\nEngineers said the dam opened.' })
        .publishedAt,
    ).toBe('2019-03-02');
    expect(
      extractPage({ text: ' date 2016-07-08 Menu Items\nEngineers said the dam opened on time.' })
        .publishedAt,
    ).toBe('2016-07-08');
  });

  it('drops scripts and navigation from HTML', () => {
    const text = htmlToText(
      '<html><nav>Menu</nav><script>x=1</script><h1>Title here now</h1><p>Body text said.</p></html>',
    );
    expect(text).toBe('Title here now\n\nBody text said.');
  });
});

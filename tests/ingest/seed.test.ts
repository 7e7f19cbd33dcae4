import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { type GoldDoc, matchClaims } from '../../src/ingest/eval.js';
import type { ArticleDraft } from '../../src/ingest/types.js';
import { CORPUS, extract } from './helpers.js';

interface SeedGold extends GoldDoc {
  article: { title: string; published: string; page_date: string };
}

let draft: ArticleDraft;
const gold = JSON.parse(readFileSync(join(CORPUS, 'seed/gold.json'), 'utf8')) as SeedGold;

beforeAll(async () => {
  draft = extract(readFileSync(join(CORPUS, 'seed/article.txt'), 'utf8'), await loadGazetteer());
});

describe('seed page', () => {
  it('reads title, publication date, page date and related links', () => {
    expect(draft.title).toBe(gold.article.title);
    expect(draft.publishedAt).toBe(gold.article.published);
    expect(draft.pageDate).toBe(gold.article.page_date);
    expect(draft.relatedLinks.map((l) => l.title)).toEqual(gold.related_links.map((l) => l.title));
  });

  it('finds exactly the gold claims, each once', () => {
    const match = matchClaims(draft, gold.claims);
    expect(match.every((m) => m !== null)).toBe(true);
    expect(draft.claims).toHaveLength(gold.claims.length);
    for (const c of draft.claims) expect(draft.body.slice(c.start, c.end)).toBe(c.text);
  });

  it('pins speakers, zones, dates and places of every claim', () => {
    const match = matchClaims(draft, gold.claims);
    const pinned = match.map((m) => {
      const c = draft.claims[m as number];
      return {
        speakerText: c.speakerText,
        speaker: c.speaker?.name ?? null,
        kind: c.speaker?.kind ?? null,
        zone: c.zone,
        claimedAt: c.claimedAt,
        places: c.places.map(
          (p) => `${p.asWritten}=${p.name}/${p.kind}/${p.countryCode}${p.coref ? '*' : ''}`,
        ),
      };
    });
    expect(pinned).toEqual([
      {
        speakerText: 'Syrian FM',
        speaker: 'Syrian Foreign Minister',
        kind: 'GOVERNMENT',
        zone: 'HEADLINE',
        claimedAt: null,
        places: ['Syria=Syria/COUNTRY/SY'],
      },
      {
        speakerText: 'The Pentagon',
        speaker: 'Pentagon',
        kind: 'GOVERNMENT',
        zone: 'BODY',
        claimedAt: null,
        places: [],
      },
      {
        speakerText: 'a field commander for the US-backed forces',
        speaker: 'field commander for the US-backed forces',
        kind: 'ANONYMOUS',
        zone: 'BODY',
        claimedAt: null,
        places: ['Raqa=Raqqa/CITY/SY', 'there=Raqqa/CITY/SY*'],
      },
      {
        speakerText: 'a Syrian military source',
        speaker: 'Syrian military source',
        kind: 'ANONYMOUS',
        zone: 'BODY',
        claimedAt: null,
        places: [
          'Syria=Syria/COUNTRY/SY',
          'al-Mayadin=Al-Mayadin/CITY/SY',
          'Deir al-Zor=Deir ez-Zor/CITY/SY',
        ],
      },
      { speakerText: 'he', speaker: null, kind: null, zone: 'BODY', claimedAt: null, places: [] },
      {
        speakerText: 'the Russian Defense Ministry',
        speaker: 'Russian Defense Ministry',
        kind: 'GOVERNMENT',
        zone: 'BODY',
        claimedAt: '2017-10-10',
        places: ['Iraq=Iraq/COUNTRY/IQ', 'Deir al-Zor Province=Deir ez-Zor/REGION/SY'],
      },
      {
        speakerText: 'he',
        speaker: null,
        kind: null,
        zone: 'BODY',
        claimedAt: null,
        places: ['Raqqa=Raqqa/CITY/SY'],
      },
      {
        speakerText: 'Syrian fighters',
        speaker: 'Syrian fighters',
        kind: 'GROUP',
        zone: 'BODY',
        claimedAt: null,
        places: [],
      },
      {
        speakerText: 'Civilians',
        speaker: 'civilians',
        kind: 'GROUP',
        zone: 'BODY',
        claimedAt: null,
        places: ['Raqqa=Raqqa/CITY/SY'],
      },
      {
        speakerText: 'Dillon',
        speaker: 'Dillon',
        kind: 'PERSON',
        zone: 'BODY',
        claimedAt: null,
        places: ['Raqqa=Raqqa/CITY/SY'],
      },
    ]);
  });
});

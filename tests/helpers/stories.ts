import type { ArticleInput } from '../../src/domain/article-input.js';

type SpeakerKind = 'PERSON' | 'GOVERNMENT' | 'ANONYMOUS' | 'GROUP';

export interface StoryClaim {
  text: string;
  speaker: { name: string; kind: SpeakerKind } | null;
  places: string[];
}

/**
 * A small article as importArticle input: one claim per line, each place found in its line.
 * Invented sentences for tests, so the expected relations are known.
 */
export function storyInput(
  url: string,
  opts: {
    title: string;
    publishedAt: string;
    claims: StoryClaim[];
    relatedLinks?: { title: string; url?: string }[];
  },
): ArticleInput {
  const body = opts.claims.map((c) => c.text).join('\n');
  let at = 0;
  const claims = opts.claims.map((c) => {
    const start = at;
    at += c.text.length + 1;
    return {
      start,
      end: start + c.text.length,
      quote: 'INDIRECT' as const,
      speakerText: c.speaker?.name ?? 'he',
      speaker: c.speaker,
      via: null,
      claimedAt: null,
      zone: 'BODY' as const,
      places: c.places.map((name) => {
        const offset = c.text.indexOf(name);
        if (offset < 0) throw new Error(`"${name}" not in "${c.text}"`);
        return { name, start: start + offset, end: start + offset + name.length, coref: false };
      }),
    };
  });
  return {
    url,
    title: opts.title,
    body,
    publishedAt: opts.publishedAt,
    pageDate: null,
    outlet: 'Test Wire',
    claims,
    relatedLinks: (opts.relatedLinks ?? []).map((l) => ({ title: l.title, url: l.url ?? null })),
  } as ArticleInput;
}

const pentagon = { name: 'Pentagon', kind: 'GOVERNMENT' } as const;

/** Three stories: A and B a day apart about Raqqa (B links to A by title), C months later. */
export function threeStories(): ArticleInput[] {
  return [
    storyInput('https://test.example/a', {
      title: 'Final push on Raqqa',
      publishedAt: '2017-10-12',
      claims: [
        {
          text: 'As many as 400 militants are holding out in a small pocket of Raqqa, the Pentagon said.',
          speaker: pentagon,
          places: ['Raqqa'],
        },
        {
          text: 'Government troops have encircled the fighters inside al-Mayadin, a Syrian military source said.',
          speaker: { name: 'Syrian military source', kind: 'ANONYMOUS' },
          places: ['al-Mayadin'],
        },
        {
          text: 'Coalition aircraft flew 12 air strikes over Raqqa, Ryan Dillon said.',
          speaker: { name: 'Ryan Dillon', kind: 'PERSON' },
          places: ['Raqqa'],
        },
      ],
    }),
    storyInput('https://test.example/b', {
      title: 'Commanders describe the last pocket',
      publishedAt: '2017-10-14',
      relatedLinks: [{ title: 'Final push on Raqqa' }],
      claims: [
        {
          text: 'Around 400 militants remain holding out in a pocket of Raqqa, Talal Silo said.',
          speaker: { name: 'Talal Silo', kind: 'PERSON' },
          places: ['Raqqa'],
        },
        {
          text: 'Only 150 militants are still holding out in a pocket of Raqqa, the Russian Defense Ministry said.',
          speaker: { name: 'Russian Defense Ministry', kind: 'GOVERNMENT' },
          places: ['Raqqa'],
        },
        {
          text: 'The Pentagon said the coalition flew 12 air strikes over Syria.',
          speaker: pentagon,
          places: ['Syria'],
        },
      ],
    }),
    storyInput('https://test.example/c', {
      title: 'Months later',
      publishedAt: '2018-03-01',
      claims: [
        {
          text: 'As many as 400 militants are holding out in a small pocket of Raqqa, Dillon said.',
          speaker: { name: 'Dillon', kind: 'PERSON' },
          places: ['Raqqa'],
        },
      ],
    }),
  ];
}

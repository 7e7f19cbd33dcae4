import type { builder } from '../builder.js';

type EdgeFieldBuilder = Parameters<NonNullable<Parameters<typeof builder.objectType>[1]['fields']>>[0];

interface SpeakerEdge {
  claimCount: number;
  speakerTexts: string[];
  node: unknown;
}

/** Edge fields shared by every "sources with claim counts" connection. */
export function speakerEdgeFields(e: EdgeFieldBuilder) {
  const edge = (value: unknown) => value as SpeakerEdge;
  return {
    claimCount: e.int({
      description: "Claims by this source in the list's scope.",
      resolve: (value) => edge(value).claimCount,
    }),
    unresolved: e.boolean({
      description: 'True for the edge that groups claims whose speaker is unknown ("he" with no antecedent).',
      resolve: (value) => edge(value).node == null,
    }),
    speakerTexts: e.stringList({
      description: 'For the unresolved edge, how those speakers were written ("he").',
      resolve: (value) => edge(value).speakerTexts,
    }),
  };
}

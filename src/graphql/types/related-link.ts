import { builder } from '../builder.js';

export const RelatedLinkRef = builder.drizzleNode('relatedLinks', {
  name: 'RelatedLink',
  description: 'A "More news" / "Read more" line of an article: a link, never a claim or a place.',
  select: {},
  id: { column: (link) => link.id },
  fields: (t) => ({
    title: t.exposeString('title'),
    url: t.expose('url', { type: 'URL', nullable: true }),
    article: t.relation('article', { description: 'The article the link appears on.' }),
    targetArticle: t.relation('targetArticle', {
      nullable: true,
      description: 'The linked article, when it is in the graph too.',
    }),
  }),
});

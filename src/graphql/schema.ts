import { builder } from './builder.js';
import './types/aggregates.js';
import './types/article.js';
import './types/claim.js';
import './types/claim-queries.js';
import './types/geography.js';
import './types/import-article.js';
import './types/ingest-article.js';
import './types/location.js';
import './types/related-link.js';
import './types/search.js';
import './types/source.js';
import './types/timeline.js';
import './types/story-relations.js';
import './types/claim-review.js';
import './types/subscriptions.js';
import './types/curation.js';

export const schema = builder.toSchema();

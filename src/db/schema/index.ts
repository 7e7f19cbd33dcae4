export * from './api-tokens.js';
export * from './articles.js';
export * from './claims.js';
export * from './curation-actions.js';
export * from './enums.js';
export * from './locations.js';
export * from './related-links.js';
export * from './sources.js';

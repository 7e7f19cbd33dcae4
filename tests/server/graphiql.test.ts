import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import type { Gazetteer } from '../../src/geo/types.js';
import { createYogaServer } from '../../src/server/yoga.js';

// Serving the page touches neither the database nor the gazetteer.
const yoga = createYogaServer({ db: {} as Database, gazetteer: {} as Gazetteer });

describe('GraphiQL works with no internet', () => {
  it('serves the page with its scripts and styles from our own origin', async () => {
    const response = await yoga.fetch('http://localhost:4000/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('YogaGraphiQL.renderYogaGraphiQL');
    // Nothing is fetched from another origin: no external script, stylesheet or module import.
    const externalLoads = [...html.matchAll(/<(script|link)\b[^>]*(src|href)="(https?:)?\/\/[^"]*"/g)].map(
      (m) => m[0],
    );
    expect(externalLoads).toEqual([]);
    expect(html).not.toMatch(/unpkg\.com|jsdelivr\.net|cdnjs/);
  });

  it('opens with the central question as its default query', async () => {
    const html = await (
      await yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } })
    ).text();
    expect(html).toContain('location(name: \\"Raqa\\")');
    expect(html).toContain('includeContained: true');
  });
});

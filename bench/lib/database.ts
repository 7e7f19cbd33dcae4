import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { loadNewsCities } from '../../src/dataset/city-pool.js';
import { generateDataset } from '../../src/dataset/generate.js';
import { writeDataset } from '../../src/dataset/write.js';
import { createPostgresDb } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import type { BusyPlace } from '../shapes.js';

const pglSql = fileURLToPath(new URL('../postgraphile/central-question.sql', import.meta.url));

/** Creates the database if needed, migrates it and fills it with `claims` generated claims when empty. */
export async function prepareDatabase(url: string, claims: number, seed = 42): Promise<number> {
  const name = new URL(url).pathname.slice(1);
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
  if (!exists) await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const handle = createPostgresDb(url);
  await migrateDatabase(handle);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    let [{ n }] = await sql`select count(*)::int as n from claims`;
    if (n === 0) {
      const gazetteer = await loadGazetteer();
      const dataset = generateDataset({ seed, claims }, loadNewsCities(), (p) => gazetteer.ancestors(p));
      const stats = await writeDataset(handle.db, dataset);
      console.log(`generated ${stats.claims} claims in ${(stats.ms / 1000).toFixed(1)} s`);
      n = stats.claims;
    }
    await sql.unsafe(readFileSync(pglSql, 'utf8'));
    return n;
  } finally {
    await sql.end();
    await handle.close();
  }
}

/** The city with the most claims about it and the places inside it: the busy place to ask about. */
export async function busiestCity(url: string): Promise<BusyPlace> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`
      select l.name, l.gazetteer_key as key, count(distinct cl.claim_id)::int as claims
      from locations l
      join location_ancestors la on la.ancestor_id = l.id
      join claim_locations cl on cl.location_id = la.location_id
      where l.kind = 'CITY'
      group by l.id order by claims desc, l.id limit 1`;
    return { name: row.name, key: row.key };
  } finally {
    await sql.end();
  }
}

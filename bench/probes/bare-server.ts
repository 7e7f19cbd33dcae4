// Server for bare-cmp.ts: BARE=1 is createYoga({ schema }) only.
import { createServer } from 'node:http';
import { createYoga } from 'graphql-yoga';
import { createPostgresDb } from '../../src/db/client.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { createLoaders } from '../../src/graphql/loaders.js';
import { schema } from '../../src/graphql/schema.js';
import { createYogaServer } from '../../src/server/yoga.js';

const handle = createPostgresDb(process.env.DATABASE_URL as string);
const gazetteer = await loadGazetteer();
const yoga =
  process.env.BARE === '1'
    ? createYoga({
        schema,
        logging: false,
        context: () => ({ db: handle.db, gazetteer, loaders: createLoaders() }),
      })
    : createYogaServer({ db: handle.db, gazetteer });
createServer(yoga).listen(Number(process.env.PORT));

// PostGraphile v4 contender: a library-mode server over the same database, with the settings
// its docs recommend for production (no query log, no watch, no GraphiQL), and a counter of the
// SQL statements it sends (every pooled client's query() is wrapped).
import http from 'node:http';
import PgSimplifyInflectorPlugin from '@graphile-contrib/pg-simplify-inflector';
import pg from 'pg';
import { postgraphile } from 'postgraphile';

let statements = 0;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });
pool.on('connect', (client) => {
  const query = client.query.bind(client);
  client.query = (...args) => {
    statements++;
    return query(...args);
  };
});

const middleware = postgraphile(pool, ['public'], {
  appendPlugins: [PgSimplifyInflectorPlugin],
  graphqlRoute: '/graphql',
  graphiql: false,
  disableQueryLog: true,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  legacyRelations: 'omit',
  retryOnInitFail: false,
});

const server = http.createServer((req, res) => {
  if (req.url === '/__bench/statements') return res.end(String(statements));
  return middleware(req, res);
});
server.listen(Number(process.env.PORT ?? 4101), () => console.log('postgraphile ready'));

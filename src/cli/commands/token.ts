import { Command } from 'commander';
import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken } from '../../domain/api-tokens.js';
import { withDatabase } from '../context.js';

const nameSchema = z.string().trim().min(1).max(100);
const createOptions = z.object({ rateLimit: z.coerce.number().int().min(1).optional() });

const create = new Command('create')
  .description('create a bearer token for mutations; it is printed once and stored only as a hash')
  .argument('<name>', 'a unique name for who uses the token')
  .option('--rate-limit <perMinute>', 'requests per minute (default: TOKEN_RATE_LIMIT_PER_MIN)')
  .action(async (rawName: string, rawOptions: unknown) => {
    const name = nameSchema.parse(rawName);
    const { rateLimit } = createOptions.parse(rawOptions);
    const created = await withDatabase(({ db }) =>
      createApiToken(db, name, { rateLimitPerMinute: rateLimit }),
    );
    console.log(`token "${created.name}" (shown once, keep it safe):\n${created.token}`);
  });

const revoke = new Command('revoke')
  .description('revoke a token by name')
  .argument('<name>')
  .action(async (rawName: string) => {
    const name = nameSchema.parse(rawName);
    await withDatabase(({ db }) => revokeApiToken(db, name));
    console.log(`token "${name}" revoked`);
  });

const list = new Command('list').description('list tokens (never their values)').action(async () => {
  const rows = await withDatabase(({ db }) => listApiTokens(db));
  for (const r of rows) {
    const state = r.revokedAt ? `revoked ${r.revokedAt.toISOString()}` : 'active';
    const used = r.lastUsedAt ? r.lastUsedAt.toISOString() : 'never';
    console.log(
      `${r.name}\t${state}\tcreated ${r.createdAt.toISOString()}\tlast used ${used}\trate ${r.rateLimitPerMinute ?? 'default'}/min`,
    );
  }
  if (rows.length === 0) console.log('no tokens');
});

export const tokenCommand = new Command('token')
  .description('manage the bearer tokens mutations require')
  .addCommand(create)
  .addCommand(revoke)
  .addCommand(list);

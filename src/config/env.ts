import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DATA_DIR: z.string().default('./.data/pglite'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(15_000),
  /** Load the demo pages when the database is empty (on by default so a fresh clone has data). */
  SEED_DEMO: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** Redis for claim subscriptions across replicas; unset keeps events in process. */
  REDIS_URL: z.string().url().optional(),
  NODE_ENV: z.string().default('development'),
});

export type Env = z.infer<typeof envSchema>;

/** Parses process.env once; the only module that reads it. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  return parsed.data;
}

import { type Logger, pino } from 'pino';
import type { Env } from '../config/env.js';

export type { Logger };

/** JSON logs on stdout; silent under tests unless LOG_LEVEL asks otherwise. */
export function createLogger(env: Pick<Env, 'LOG_LEVEL' | 'NODE_ENV'>): Logger {
  const level = env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info');
  return pino({ name: 'news-graph', level });
}

/** Logs statements slower than `thresholdMs` (0 turns it off); SQL only, never parameters. */
export function slowQueryLogger(log: Logger, thresholdMs: number) {
  return (sql: string, ms: number, failed: boolean) => {
    if (thresholdMs > 0 && ms >= thresholdMs) log.warn({ ms: Math.round(ms), failed, sql }, 'slow query');
  };
}

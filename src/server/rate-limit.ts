/**
 * In-process token buckets, one per key: `perMinute` requests a minute, refilled continuously,
 * with bursts up to one minute's worth. State lives in this process only: several server
 * processes each allow the full rate, and a restart forgets it.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Takes one request from `key`'s bucket; returns the ms to wait when it is empty, else 0. */
  take(key: string, perMinute: number): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: perMinute, at: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + ((now - bucket.at) * perMinute) / 60_000);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) * 60_000) / perMinute);
  }
}

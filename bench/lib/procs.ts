import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Server {
  name: string;
  url: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** RSS in MB of a process and all its descendants (npm -> tsx -> node), total and largest. */
export function treeRssMb(pid: number): { total: number; largest: number; largestPid: number } {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let kb = 0;
  let largest = 0;
  let largestPid = pid;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop() as number;
    try {
      const own = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
      kb += own;
      if (own > largest) {
        largest = own;
        largestPid = p;
      }
    } catch {
      continue;
    }
    stack.push(...(children.get(p) ?? []));
  }
  return { total: Math.round(kb / 1024), largest: Math.round(largest / 1024), largestPid };
}

/** Starts a process (pinned to `cpu` with taskset when given) in its own process group. */
export function launch(
  command: string[],
  env: Record<string, string | undefined>,
  cpu?: number,
): ChildProcess {
  const argv = cpu === undefined ? command : ['taskset', '-c', String(cpu), ...command];
  const merged: Record<string, string | undefined> = { ...process.env, ...env };
  // An undefined value removes the variable (e.g. DATABASE_URL for a PGlite start).
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const proc = spawn(argv[0], argv.slice(1), {
    env: merged,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  proc.stderr?.on('data', (d: Buffer) => {
    err = (err + d.toString()).slice(-4000);
  });
  proc.on('exit', (code) => {
    if (code && code !== 0 && code !== 143) console.error(`[${argv.join(' ')}] exited ${code}: ${err}`);
  });
  return proc;
}

/** Ends the process group we started, by its id. */
export async function stopGroup(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.pid === undefined) return;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  try {
    process.kill(-proc.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-(proc.pid as number), 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

/** Polls until `probe` resolves true, or throws after `timeoutMs`. */
export async function waitFor(probe: () => Promise<boolean>, timeoutMs: number, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`not ready after ${timeoutMs} ms`);
}

export async function postJson(url: string, query: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, text: await res.text() };
}

export async function counter(server: Server): Promise<number> {
  const base = new URL(server.url);
  return Number(await (await fetch(`${base.origin}/__bench/statements`)).text());
}

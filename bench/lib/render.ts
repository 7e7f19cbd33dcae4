import { median } from './load.js';

type Sample = { rps: number; p50: number; p99: number; rssMb: number; errors: number; non2xx?: number };
const med = (xs: Sample[] | undefined, k: keyof Sample) =>
  xs ? median(xs.map((x) => Number(x[k] ?? 0))) : Number.NaN;
const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const ratio = (a: number, b: number) =>
  Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—';

/** The run as Markdown tables: medians over rounds, and ratios from the same run. */
export function renderMarkdown(r: any): string {
  const lines = [
    `Run ${r.date} on ${r.machine.nproc} × ${r.machine.cpu}, ${r.machine.memGb} GB, Node ${r.machine.node}.`,
    `Database ${r.db} (${r.claims} claims); busy place "${r.place.name}" (${r.place.key}). ${r.rounds} rounds × ${r.seconds} s, ${r.connections} connections, closed loop.`,
    '',
    '| shape | contender | req/s | p50 ms | p99 ms | SQL/req | RSS MB | errors | equal JSON |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const [shape, byContender] of Object.entries<Record<string, Sample[]>>(r.samples)) {
    for (const [name, xs] of Object.entries(byContender)) {
      const errors = xs.reduce((n, x) => n + x.errors + (x.non2xx ?? 0), 0);
      lines.push(
        `| ${shape} | ${name} | ${fmt(med(xs, 'rps'))} | ${fmt(med(xs, 'p50'), 1)} | ${fmt(med(xs, 'p99'), 1)} | ${r.checks[shape]?.statements?.[name] ?? '—'} | ${fmt(med(xs, 'rssMb'))} | ${errors} | ${r.checks[shape]?.equal ? 'yes' : (r.checks[shape]?.note ?? '?')} |`,
      );
    }
  }
  lines.push(
    '',
    '| shape | response bytes | news-graph / PostGraphile req/s | news-graph / ceiling req/s | news-graph / resolvers only req/s | response cache / news-graph req/s |',
    '|---|---:|---:|---:|---:|---:|',
  );
  for (const [shape, c] of Object.entries<Record<string, Sample[]>>(r.samples)) {
    const ng = med(c['news-graph'], 'rps');
    const cached = med(c['news-graph (response cache)'], 'rps');
    lines.push(
      `| ${shape} | ${r.checks[shape]?.bytes ?? '—'} | ${ratio(ng, med(c.postgraphile, 'rps'))} | ${ratio(ng, med(c.ceiling, 'rps'))} | ${ratio(ng, med(c['news-graph (resolvers only)'], 'rps'))} | ${ratio(cached, ng)} |`,
    );
  }
  if (r.cold) {
    lines.push(
      '',
      `| npm start on PGlite (median of ${r.cold.rounds ?? 1}) | to first answered query | server RSS | npm+node RSS |`,
      '|---|---:|---:|---:|',
    );
    lines.push(
      `| first-ever (migrate + demo seed) | ${r.cold.first.ms} ms | ${r.cold.first.rssMb} MB | ${r.cold.first.treeRssMb} MB |`,
    );
    lines.push(
      `| warm restart | ${r.cold.warm.ms} ms | ${r.cold.warm.rssMb} MB | ${r.cold.warm.treeRssMb} MB |`,
    );
  }
  if (r.scale) {
    lines.push(
      '',
      '| claims | place | news-graph p50/p99 (1 conn) | ceiling p50/p99 (1 conn) | news-graph req/s (16) | ceiling req/s (16) | equal |',
      '|---:|---|---:|---:|---:|---:|---|',
    );
    for (const row of r.scale) {
      const ng1 = row['news-graph@1'];
      const c1 = row['ceiling@1'];
      lines.push(
        `| ${row.claims} | ${row.place} | ${ng1.p50} / ${ng1.p99} ms | ${c1.p50} / ${c1.p99} ms | ${fmt(row['news-graph@16'].rps)} | ${fmt(row['ceiling@16'].rps)} | ${row.equal ? 'yes' : 'no'} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

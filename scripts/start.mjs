// npm start: the compiled server (dist/server/main.bundle.js, else dist/server/main.js), compiled
// first when dist/ is missing or older than src/ or drizzle/. Compiled JS starts faster and
// smaller than tsx (bench/REPORT.md).
import { existsSync } from 'node:fs';
import { buildIfStale } from './build.mjs';

let entry = '../dist/server/main.js';
try {
  await buildIfStale();
  // The bundle when the build made one (bundleServer in build.mjs): the same code, loaded faster.
  if (existsSync(new URL('../dist/server/main.bundle.js', import.meta.url))) entry = '../dist/server/main.bundle.js';
} catch (error) {
  // No build possible (TypeScript not installed, say): run from source, as npm start used to.
  console.error(`${error.message}\nstart: running src/ through tsx instead`);
  const { register } = await import('tsx/esm/api');
  register();
  entry = '../src/server/main.ts';
}
await import(entry);

// npm run build: compile src/ to dist/ (tsc), then make sure the gazetteer index and the demo
// database template exist. `--if-stale` does nothing when nothing changed since the last build.
// Plain JavaScript: it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'dist/.built');
const lock = join(root, 'dist/.building');
/** What dist/ and the demo template are made from. */
const inputs = ['src', 'drizzle', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

function newestMtime(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/ is missing or older than a source, a migration or the build settings. */
export function isStale() {
  const built = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs;
  return built === undefined || inputs.some((p) => newestMtime(join(root, p)) > built);
}

function run(args, { allowTypeErrors = false } = {}) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  // tsc exits 2 when it found type errors but still wrote the files (tsx would run them too).
  if (result.status === 2 && allowTypeErrors) {
    console.error('build: type errors above (npm run typecheck); dist/ was written anyway');
    return;
  }
  if (result.status !== 0) throw new Error(`build: node ${args.join(' ')} exited ${result.status}`);
}

/** Compiles and prepares the caches; the stamp gets the start time, so edits made meanwhile count. */
export function build() {
  const started = Date.now() / 1000;
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  if (!existsSync(tsc))
    throw Object.assign(new Error('build: TypeScript is not installed (--omit=dev?)'), { noCompiler: true });
  run([tsc, '-p', 'tsconfig.build.json'], { allowTypeErrors: true });
  run(['dist/cli/index.js', 'build-gazetteer', '--if-missing']);
  run(['dist/cli/index.js', 'build-demo-template', '--if-stale']);
  bundleServer();
  writeFileSync(stamp, '');
  utimesSync(stamp, started, started);
}

/**
 * dist/server/main.bundle.js: the server and its packages in one file (lazy imports, such as the
 * NLP model, stay separate chunks), because resolving and loading hundreds of modules was a third
 * of a warm start (bench/REPORT.md "Start-up"). It sits beside main.js so that paths the modules
 * build from import.meta.url resolve the same. PGlite (it loads its WebAssembly from its own
 * folder), pino and ioredis stay packages. Without esbuild, npm start runs dist/server/main.js.
 */
function bundleServer() {
  // A bundle of older code must never outlive a build, whatever happens next.
  for (const name of readdirSync(join(root, 'dist/server')))
    if (name.includes('.bundle')) rmSync(join(root, 'dist/server', name));
  let esbuild;
  try {
    esbuild = createRequire(import.meta.url)('esbuild');
  } catch {
    console.error('build: esbuild is not installed; npm start runs dist/server/main.js unbundled');
    return;
  }
  esbuild.buildSync({
    entryPoints: [join(root, 'dist/server/main.js')],
    outdir: join(root, 'dist/server'),
    entryNames: '[name].bundle',
    chunkNames: '[name].bundle-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['@electric-sql/pglite', 'pino', 'ioredis'],
    // Bundled CommonJS packages call require(); ESM has none of its own.
    banner: { js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

/** Waits for another process's build (a directory as the lock), then builds if still needed. */
export async function buildIfStale() {
  if (!isStale()) return;
  mkdirSync(join(root, 'dist'), { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock this old was left by a build that died.
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (Date.now() > deadline || age > 300_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (isStale()) {
      console.error('build: compiling to dist/ (sources changed since the last build)…');
      build();
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes('--if-stale')) await buildIfStale();
    else build();
  } catch (error) {
    console.error(error.message);
    // Without TypeScript (a production-only install) npm start runs the sources through tsx.
    process.exit(error.noCompiler ? 0 : 1);
  }
}

/**
 * The build benchmark: how long and how much memory `astro build` (search index included)
 * takes on the real corpus and on a synthetic corpus, against the floor of rendering the
 * same notes with the same pipeline in one plain Node process.
 *
 *   npm run bench [-- --notes 24000 --seed 1 --runs 3 --corpora nishio,synthetic --work-dir /tmp/wiki-bench
 *                     --steps floor,cold,noChange,oneEdit]
 *
 * Per corpus and run: the floor (bench/render-floor.ts), a cold build (no content cache,
 * empty output folder), a rebuild with nothing changed, and a rebuild after one note's text
 * was edited. Each is timed with wall clock, CPU (user + system of every process) and peak
 * memory (the sum of the resident memory of the build's whole process tree, sampled every
 * 100 ms). Prints a Markdown table of medians and writes every measurement as JSON.
 * Nothing is written into the corpora: the real one is copied into the work folder first.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readSettings } from '../src/lib/settings/settings.ts';
import { writeCorpus } from './synthetic-corpus.ts';
import { buildPhases } from './build-log.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    notes: { type: 'string', default: '24000' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '3' },
    steps: { type: 'string', default: 'floor,cold,noChange,oneEdit' },
    corpora: { type: 'string', default: 'nishio,synthetic' },
    'work-dir': { type: 'string', default: '/tmp/wiki-bench' },
    nishio: { type: 'string', default: join(ROOT, '../shared/corpora/nishio-en/pages') },
  },
});
const RUNS = Number(args.runs);
type Step = 'floor' | 'cold' | 'noChange' | 'oneEdit';
const ALL_STEPS: Step[] = ['floor', 'cold', 'noChange', 'oneEdit'];
const STEPS = new Set(args.steps!.split(',') as Step[]);
for (const step of STEPS) if (!ALL_STEPS.includes(step)) throw new Error(`unknown step "${step}": use ${ALL_STEPS.join(',')}`);
const WORK = resolve(args['work-dir']!);

interface Measurement {
  wallSeconds: number;
  cpuSeconds: number;
  peakMemoryMB: number;
  log: string;
}

/** Resident memory of a process and all its descendants, from /proc (Linux). */
function treeMemoryBytes(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
      rss.set(Number(entry), Number(fields[21]) * 4096);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs a command, timing it and sampling its process tree's memory. */
function measure(command: string, commandArgs: string[], env: Record<string, string>): Promise<Measurement> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', 'TIME %U %S', command, ...commandArgs], {
      cwd: ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    let peak = 0;
    const sampler = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeMemoryBytes(child.pid));
    }, 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      const wallSeconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`${command} ${commandArgs.join(' ')} exited with ${code}:\n${log.slice(-4000)}`));
      const [, user = '0', system = '0'] = /TIME ([\d.]+) ([\d.]+)/.exec(log) ?? [];
      resolvePromise({ wallSeconds, cpuSeconds: Number(user) + Number(system), peakMemoryMB: peak / 2 ** 20, log });
    });
  });
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true }).filter((file) => String(file).endsWith('.html')).length;
}

const median = (values: number[]) => {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

interface CorpusResult {
  name: string;
  notes: number;
  runs: Partial<Record<Step, Measurement & { phases?: Record<string, number> }>>[];
  pages: number;
  outputMB: number;
  indexMB: number;
}

async function benchCorpus(name: string, contentDir: string): Promise<CorpusResult> {
  const outDir = join(WORK, `${name}-dist`);
  const floorDir = join(WORK, `${name}-floor`);
  const { cacheDir } = readSettings({ CONTENT_DIR: contentDir }, ROOT);
  const env = { CONTENT_DIR: contentDir, OUT_DIR: outDir };
  // What `npm run build` runs, timed as one command (npm itself left out).
  const buildCommand = ['-c', `"${process.execPath}" ${join(ROOT, 'node_modules/astro/bin/astro.mjs')} build && "${process.execPath}" ${join(ROOT, 'src/search/index-site.ts')}`];
  const notes = readdirSync(contentDir).filter((file) => file.endsWith('.md')).sort();
  const edited = join(contentDir, notes[Math.floor(notes.length / 2)]!);
  const runs: CorpusResult['runs'] = [];
  for (let run = 1; run <= RUNS; run++) {
    console.error(`${name}: run ${run} of ${RUNS}`);
    const measured: CorpusResult['runs'][number] = {};
    if (STEPS.has('floor')) {
      measured.floor = await measure(process.execPath, [join(ROOT, 'bench/render-floor.ts'), '--content', contentDir, '--out', floorDir], {});
    }
    rmSync(cacheDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
    const build = async () => {
      const measurement = await measure('/bin/sh', buildCommand, env);
      return { ...measurement, phases: buildPhases(measurement.log) };
    };
    // A rebuild needs the cold build before it.
    if (STEPS.has('cold') || STEPS.has('noChange') || STEPS.has('oneEdit')) measured.cold = await build();
    if (STEPS.has('noChange')) measured.noChange = await build();
    if (STEPS.has('oneEdit')) {
      writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nEdited by the benchmark, run ${run}.\n`);
      measured.oneEdit = await build();
    }
    runs.push(measured);
    const row = (label: string, m: Measurement | undefined) =>
      m ? `  ${label} ${m.wallSeconds.toFixed(1)} s wall, ${m.cpuSeconds.toFixed(1)} s CPU, ${m.peakMemoryMB.toFixed(0)} MB\n` : '';
    console.error(`${row('floor', measured.floor)}${row('cold', measured.cold)}${row('no change', measured.noChange)}${row('one edit', measured.oneEdit)}`);
  }
  rmSync(floorDir, { recursive: true, force: true });
  return {
    name,
    notes: notes.length,
    runs,
    pages: countPages(outDir),
    outputMB: folderBytes(outDir) / 2 ** 20,
    indexMB: folderBytes(join(outDir, 'pagefind')) / 2 ** 20,
  };
}

function report(results: CorpusResult[]): string {
  const lines: string[] = [];
  const fmt = (value: number, digits = 1) => (Number.isNaN(value) ? '–' : value.toFixed(digits));
  lines.push(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}; ${RUNS} runs, medians.`, '');
  lines.push('| corpus | notes | pages | step | wall s | CPU s | peak MB | × floor (wall) |', '| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |');
  for (const result of results) {
    const floorWall = median(result.runs.map((run) => run.floor?.wallSeconds ?? NaN));
    for (const step of ALL_STEPS.filter((each) => result.runs.some((run) => run[each]))) {
      const label = { floor: 'floor: render every note, plain Node', cold: 'cold build', noChange: 'rebuild, nothing changed', oneEdit: 'rebuild, one note edited' }[step];
      const wall = median(result.runs.map((run) => run[step]?.wallSeconds ?? NaN));
      lines.push(
        `| ${result.name} | ${result.notes} | ${step === 'floor' ? '' : result.pages} | ${label} | ${fmt(wall)} | ${fmt(median(result.runs.map((run) => run[step]?.cpuSeconds ?? NaN)))} | ${fmt(median(result.runs.map((run) => run[step]?.peakMemoryMB ?? NaN)), 0)} | ${step === 'floor' ? '1.00' : fmt(wall / floorWall, 2)} |`,
      );
    }
  }
  lines.push('', '| corpus | phase (cold build) | median s |', '| --- | --- | ---: |');
  for (const result of results) {
    const names = Object.keys(result.runs[0]?.cold?.phases ?? {});
    for (const phase of names) lines.push(`| ${result.name} | ${phase} | ${fmt(median(result.runs.map((run) => run.cold?.phases?.[phase] ?? NaN)))} |`);
  }
  lines.push('', '| corpus | output MB | search index MB |', '| --- | ---: | ---: |');
  for (const result of results) lines.push(`| ${result.name} | ${fmt(result.outputMB)} | ${fmt(result.indexMB)} |`);
  return lines.join('\n');
}

mkdirSync(WORK, { recursive: true });
const results: CorpusResult[] = [];
for (const corpus of args.corpora!.split(',')) {
  if (corpus === 'nishio') {
    if (!existsSync(args.nishio!)) throw new Error(`${args.nishio} does not exist: give the real corpus with --nishio <folder>`);
    const copy = join(WORK, 'nishio-content');
    rmSync(copy, { recursive: true, force: true });
    cpSync(args.nishio!, copy, { recursive: true });
    results.push(await benchCorpus('nishio-en', copy));
  } else if (corpus === 'synthetic') {
    const dir = join(WORK, `synthetic-${args.notes}-content`);
    const written = writeCorpus(dir, { notes: Number(args.notes), seed: Number(args.seed) });
    console.error(`synthetic: ${written.notes} notes, ${(written.bytes / 2 ** 20).toFixed(1)} MB (seed ${args.seed})`);
    results.push(await benchCorpus(`synthetic ${args.notes}`, dir));
  } else {
    throw new Error(`unknown corpus "${corpus}": use nishio, synthetic or both (--corpora nishio,synthetic)`);
  }
}
const table = report(results);
writeFileSync(join(WORK, 'results.json'), JSON.stringify(results.map(({ runs, ...rest }) => ({ ...rest, runs: runs.map((run) => Object.fromEntries(Object.entries(run).map(([step, m]) => [step, { ...m, log: undefined }]))) })), null, 2));
console.log(table);

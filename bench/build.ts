/**
 * The build benchmark: how long and how much memory `astro build` (search index included)
 * takes on the real corpus and on a synthetic corpus, against the floor of rendering the
 * same notes with the same pipeline in one plain Node process.
 *
 *   npm run bench [-- --notes 24000 --seed 1 --runs 3 --corpora nishio,synthetic --work-dir /tmp/wiki-bench
 *                     --steps floor,cold,noChange,oneEdit,fiftyEdits,addNote,deleteNote,renameTitle]
 *
 * Per corpus and run: the floor (bench/render-floor.ts), a cold build (no build cache,
 * empty output folder), then rebuilds, each after the one before: nothing changed, one
 * note's text edited, 50 notes edited (a daily re-export), a note added, a note deleted,
 * a note's title changed. Each is timed with wall clock, CPU (user + system of every process) and peak
 * memory (the sum of the resident memory of the build's whole process tree, sampled every
 * 100 ms). Prints a Markdown table of medians and writes every measurement as JSON.
 * Nothing is written into the corpora: the real one is copied into the work folder first.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readSettings } from '../src/lib/settings/settings.ts';
import { writeCorpus } from './synthetic-corpus.ts';
import { buildPhases } from './build-log.ts';
import { measure, type Measurement } from './measure.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    notes: { type: 'string', default: '24000' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '3' },
    steps: { type: 'string', default: 'floor,cold,noChange,oneEdit,fiftyEdits,addNote,deleteNote,renameTitle' },
    corpora: { type: 'string', default: 'nishio,synthetic' },
    'work-dir': { type: 'string', default: '/tmp/wiki-bench' },
    nishio: { type: 'string', default: join(ROOT, '../shared/corpora/nishio-en/pages') },
  },
});
const RUNS = Number(args.runs);
const ALL_STEPS = ['floor', 'cold', 'noChange', 'oneEdit', 'fiftyEdits', 'addNote', 'deleteNote', 'renameTitle'] as const;
type Step = (typeof ALL_STEPS)[number];
/** Rebuilds after the cold build, in this order, each with the change it makes first. */
const REBUILDS = ALL_STEPS.slice(2) as Exclude<Step, 'floor' | 'cold'>[];
const STEP_LABELS: Record<Step, string> = {
  floor: 'floor: render every note, plain Node',
  cold: 'cold build',
  noChange: 'rebuild, nothing changed',
  oneEdit: 'rebuild, one note edited',
  fiftyEdits: 'rebuild, 50 notes edited',
  addNote: 'rebuild, a note added',
  deleteNote: 'rebuild, a note deleted',
  renameTitle: "rebuild, a note's title changed",
};
const STEPS = new Set(args.steps!.split(',') as Step[]);
for (const step of STEPS) if (!(ALL_STEPS as readonly string[]).includes(step)) throw new Error(`unknown step "${step}": use ${ALL_STEPS.join(',')}`);
const WORK = resolve(args['work-dir']!);

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

/**
 * The change a rebuild step makes to the (copied) notes first. Notes are picked by their
 * place in the sorted file list, so every run and every machine changes the same ones.
 */
function changeNotes(step: Exclude<Step, 'floor' | 'cold'>, contentDir: string, notes: readonly string[], run: number): void {
  const at = (fraction: number) => join(contentDir, notes[Math.floor(notes.length * fraction)]!);
  const append = (file: string, text: string) => writeFileSync(file, `${readFileSync(file, 'utf8')}\n${text}\n`);
  switch (step) {
    case 'noChange':
      return;
    case 'oneEdit':
      return append(at(0.5), `Edited by the benchmark, run ${run}.`);
    case 'fiftyEdits':
      for (let i = 0; i < 50; i++) append(at((i + 0.25) / 50), `Edited by the benchmark (one of 50), run ${run}.`);
      return;
    case 'addNote':
      // Under a title other notes may link to, linking to a note that exists.
      return writeFileSync(
        join(contentDir, `Benchmark note ${run}.md`),
        `A note added by the benchmark, run ${run}, about [[${titleOf(at(0.3))}]].\n`,
      );
    case 'deleteNote':
      return rmSync(at(0.7));
    case 'renameTitle': {
      const file = at(0.6);
      const text = readFileSync(file, 'utf8');
      const titled = /^(---\r?\n[\s\S]*?^title:\s*)(.+)$/m;
      if (titled.test(text)) return writeFileSync(file, text.replace(titled, (_all, head: string, title: string) => `${head}"${title.replace(/^["']|["']$/g, '')} renamed ${run}"`));
      return renameSync(file, file.replace(/\.md$/, ` renamed ${run}.md`));
    }
  }
}

/** A note's title as its links name it: the frontmatter title, or the file name. */
function titleOf(file: string): string {
  const title = /^---\r?\n[\s\S]*?^title:\s*["']?(.+?)["']?\s*$/m.exec(readFileSync(file, 'utf8'))?.[1];
  return title ?? basename(file, '.md');
}

interface CorpusResult {
  name: string;
  notes: number;
  runs: Partial<Record<Step, Measurement & { phases?: Record<string, number> }>>[];
  pages: number;
  outputMB: number;
  indexMB: number;
}

/**
 * Benches one corpus. `writeNotes` (re)writes its notes into `contentDir`: every run starts
 * from the same notes, since the rebuild steps of a run change them (a note deleted in run 1
 * is not there to delete in run 2).
 */
async function benchCorpus(name: string, contentDir: string, writeNotes: () => void): Promise<CorpusResult> {
  const outDir = join(WORK, `${name}-dist`);
  const floorDir = join(WORK, `${name}-floor`);
  const { cacheDir } = readSettings({ CONTENT_DIR: contentDir }, ROOT);
  const env = { CONTENT_DIR: contentDir, OUT_DIR: outDir };
  // What `npm run build` runs, timed as one command (npm itself left out).
  const buildCommand = ['-c', `"${process.execPath}" ${join(ROOT, 'node_modules/astro/bin/astro.mjs')} build && "${process.execPath}" ${join(ROOT, 'src/search/index-site.ts')}`];
  writeNotes();
  const notes = readdirSync(contentDir).filter((file) => file.endsWith('.md')).sort();
  const runs: CorpusResult['runs'] = [];
  for (let run = 1; run <= RUNS; run++) {
    console.error(`${name}: run ${run} of ${RUNS}`);
    if (run > 1) writeNotes();
    const measured: CorpusResult['runs'][number] = {};
    if (STEPS.has('floor')) {
      measured.floor = await measure(ROOT, process.execPath, [join(ROOT, 'bench/render-floor.ts'), '--content', contentDir, '--out', floorDir], {});
    }
    rmSync(cacheDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
    const build = async () => {
      const measurement = await measure(ROOT, '/bin/sh', buildCommand, env);
      return { ...measurement, phases: buildPhases(measurement.log) };
    };
    const rebuilds = REBUILDS.filter((step) => STEPS.has(step));
    // A rebuild needs the cold build before it.
    if (STEPS.has('cold') || rebuilds.length > 0) measured.cold = await build();
    for (const step of rebuilds) {
      changeNotes(step, contentDir, notes, run);
      measured[step] = await build();
    }
    runs.push(measured);
    const row = (step: Step) => {
      const m = measured[step];
      return m ? `  ${STEP_LABELS[step]}: ${m.wallSeconds.toFixed(1)} s wall, ${m.cpuSeconds.toFixed(1)} s CPU, ${m.peakMemoryMB.toFixed(0)} MB (at the peak: ${m.peakHolders.map((holder) => `${holder.command} ${holder.mb} MB`).join('; ')})\n` : '';
    };
    console.error(ALL_STEPS.map(row).join(''));
    // This run's phases too, so that a bench stopped before its last run still leaves them.
    console.error(`  phases: ${JSON.stringify(Object.fromEntries(ALL_STEPS.flatMap((step) => (measured[step]?.phases ? [[step, measured[step]!.phases]] : []))))}\n`);
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
  lines.push('| corpus | notes | pages | step | wall s | CPU s | peak MB | × floor (wall) | × cold (wall) |', '| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const result of results) {
    const floorWall = median(result.runs.map((run) => run.floor?.wallSeconds ?? NaN));
    const coldWall = median(result.runs.map((run) => run.cold?.wallSeconds ?? NaN));
    for (const step of ALL_STEPS.filter((each) => result.runs.some((run) => run[each]))) {
      const label = STEP_LABELS[step];
      const wall = median(result.runs.map((run) => run[step]?.wallSeconds ?? NaN));
      lines.push(
        `| ${result.name} | ${result.notes} | ${step === 'floor' ? '' : result.pages} | ${label} | ${fmt(wall)} | ${fmt(median(result.runs.map((run) => run[step]?.cpuSeconds ?? NaN)))} | ${fmt(median(result.runs.map((run) => run[step]?.peakMemoryMB ?? NaN)), 0)} | ${step === 'floor' ? '1.00' : fmt(wall / floorWall, 2)} | ${step === 'floor' ? '' : fmt(wall / coldWall, 2)} |`,
      );
    }
  }
  for (const result of results) {
    const steps = ALL_STEPS.filter((step) => step !== 'floor' && result.runs.some((run) => run[step]));
    lines.push('', `Phases, ${result.name} (medians; seconds unless counted):`, '', `| phase | ${steps.join(' | ')} |`, `| --- |${' ---: |'.repeat(steps.length)}`);
    const names = Object.keys(result.runs[0]?.cold?.phases ?? {});
    for (const phase of names) {
      lines.push(`| ${phase} | ${steps.map((step) => fmt(median(result.runs.map((run) => run[step]?.phases?.[phase] ?? NaN)), phase.startsWith('pages') || phase.includes('rendered') ? 0 : 1)).join(' | ')} |`);
    }
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
    const copyNotes = () => {
      rmSync(copy, { recursive: true, force: true });
      cpSync(args.nishio!, copy, { recursive: true });
    };
    results.push(await benchCorpus('nishio-en', copy, copyNotes));
  } else if (corpus === 'synthetic') {
    const dir = join(WORK, `synthetic-${args.notes}-content`);
    const generateNotes = () => {
      const written = writeCorpus(dir, { notes: Number(args.notes), seed: Number(args.seed) });
      console.error(`synthetic: ${written.notes} notes, ${(written.bytes / 2 ** 20).toFixed(1)} MB (seed ${args.seed})`);
    };
    results.push(await benchCorpus(`synthetic ${args.notes}`, dir, generateNotes));
  } else {
    throw new Error(`unknown corpus "${corpus}": use nishio, synthetic or both (--corpora nishio,synthetic)`);
  }
}
const table = report(results);
writeFileSync(join(WORK, 'results.json'), JSON.stringify(results.map(({ runs, ...rest }) => ({ ...rest, runs: runs.map((run) => Object.fromEntries(Object.entries(run).map(([step, m]) => [step, { ...m, log: undefined }]))) })), null, 2));
console.log(table);

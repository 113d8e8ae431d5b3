/**
 * What reading the notes' git history costs (the dates step, `src/loaders/read-git-history.ts`):
 * commits a folder of notes into a new repository with a made-up history (`git fast-import`,
 * seconds even for 24,000 files), clones it as a build would get it, and times the step.
 *
 *   node bench/git-history.ts --content <notes folder> [--commits 300] [--per-commit 40] [--runs 3] [--out /tmp/notes-history]
 *
 * The first commit adds every note; each later one, a day apart, appends a line to
 * `--per-commit` notes chosen with a fixed seed, and every 20th also renames 5 notes. The notes
 * are in `pages/` of the repository, not at its root. Prints one JSON object.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mulberry32 } from '../src/lib/graph/seeded-random.ts';
import { listNoteFiles } from '../src/lib/notes/note-files.ts';
import { readGitHistory } from '../src/loaders/read-git-history.ts';

const { values: args } = parseArgs({
  options: {
    content: { type: 'string' },
    commits: { type: 'string', default: '300' },
    'per-commit': { type: 'string', default: '40' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: '/tmp/notes-history' },
  },
});
if (!args.content) throw new Error('usage: node bench/git-history.ts --content <dir> [--commits 300] [--per-commit 40] [--runs 3] [--out <dir>]');
const contentDir = resolve(args.content);
const commits = Number(args.commits);
const perCommit = Number(args['per-commit']);
const out = resolve(args.out);

const files = await listNoteFiles(contentDir);
const random = mulberry32(1);
const texts = new Map(files.map((file) => [file, readFileSync(join(contentDir, file))]));
const names = [...files];

/** The fast-import stream: every blob inline, commits a day apart from 2020-01-01. */
const chunks: Buffer[] = [];
const write = (text: string) => chunks.push(Buffer.from(text));
const data = (bytes: Buffer) => (write(`data ${bytes.length}\n`), chunks.push(bytes), write('\n'));
const quote = (path: string) => JSON.stringify(`pages/${path}`);
for (let i = 0; i < commits; i++) {
  const time = 1577836800 + i * 86400;
  write(`commit refs/heads/main\ncommitter Bench <bench@example.org> ${time} +0000\n`);
  data(Buffer.from(`commit ${i}`));
  const changed = i === 0 ? names : pick(names, perCommit);
  for (const name of changed) {
    if (i > 0) texts.set(name, Buffer.concat([texts.get(name)!, Buffer.from(`\nEdit ${i}.\n`)]));
    write(`M 100644 inline ${quote(name)}\n`);
    data(texts.get(name)!);
  }
  if (i > 0 && i % 20 === 0) {
    for (const [j, name] of pick(names, 5).entries()) {
      const renamed = `renamed ${i} ${j}.md`;
      write(`R ${quote(name)} ${quote(renamed)}\n`);
      texts.set(renamed, texts.get(name)!);
      texts.delete(name);
      names[names.indexOf(name)] = renamed;
    }
  }
  write('\n');
}

rmSync(out, { recursive: true, force: true });
const origin = join(out, 'origin');
mkdirSync(origin, { recursive: true });
const started = performance.now();
execFileSync('git', ['init', '-q', '-b', 'main', origin]);
const imported = spawnSync('git', ['fast-import', '--quiet'], { cwd: origin, input: Buffer.concat(chunks), maxBuffer: 1 << 30 });
if (imported.status !== 0) throw new Error(`git fast-import failed: ${imported.stderr}`);
execFileSync('git', ['clone', '-q', `file://${origin}`, join(out, 'clone')]);
const madeSeconds = (performance.now() - started) / 1000;

const runs: number[] = [];
let dated = 0;
for (let run = 0; run < Number(args.runs); run++) {
  const from = performance.now();
  const history = await readGitHistory(join(out, 'clone', 'pages'));
  runs.push(Number(((performance.now() - from) / 1000).toFixed(2)));
  if (history.kind !== 'git') throw new Error(`no git history: ${history.reason}`);
  dated = history.histories.size;
}
console.log(JSON.stringify({ notes: files.length, commits, perCommit, repositoryMadeSeconds: Number(madeSeconds.toFixed(1)), datedNotes: dated, seconds: runs }));

function pick<T>(list: readonly T[], count: number): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, list.length)) chosen.add(Math.floor(random() * list.length));
  return [...chosen].map((i) => list[i]!);
}

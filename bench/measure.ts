/** Timing a command with the peak resident memory of its whole process tree (Linux `/proc`), for the benches. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Measurement {
  wallSeconds: number;
  cpuSeconds: number;
  peakMemoryMB: number;
  /** The processes of the tree at its peak, largest first: what held the memory then. */
  peakHolders: { command: string; mb: number }[];
  log: string;
}

/** Resident memory of a process and all its descendants, from /proc (Linux). */
export function treeMemoryBytes(rootPid: number): number {
  return treeMemory(rootPid).total;
}

/** A process's name for the holder list: its command line, cut to what tells processes apart. */
function commandOf(pid: number): string {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return argv.map((arg) => arg.replace(/^.*\/(node_modules\/)?/, '')).join(' ').slice(0, 80);
  } catch {
    return `pid ${pid}`;
  }
}

/** The resident memory of a process tree, in total and by process (bytes). */
export function treeMemory(rootPid: number): { total: number; byProcess: Map<number, number> } {
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
  const byProcess = new Map<number, number>();
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += rss.get(pid) ?? 0;
    byProcess.set(pid, rss.get(pid) ?? 0);
    queue.push(...(children.get(pid) ?? []));
  }
  return { total, byProcess };
}

/** Runs a command, timing it and sampling its process tree's memory. */
export function measure(cwd: string, command: string, commandArgs: string[], env: Record<string, string>): Promise<Measurement> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', 'TIME %U %S', command, ...commandArgs], {
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    let peak = 0;
    let peakHolders: { command: string; mb: number }[] = [];
    const sampler = setInterval(() => {
      if (!child.pid) return;
      const { total, byProcess } = treeMemory(child.pid);
      if (total <= peak) return;
      peak = total;
      peakHolders = [...byProcess]
        .filter(([, bytes]) => bytes >= 20 * 2 ** 20)
        .sort((a, b) => b[1] - a[1])
        .map(([pid, bytes]) => ({ command: commandOf(pid), mb: Math.round(bytes / 2 ** 20) }));
    }, 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      const wallSeconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`${command} ${commandArgs.join(' ')} exited with ${code}:\n${log.slice(-4000)}`));
      const [, user = '0', system = '0'] = /TIME ([\d.]+) ([\d.]+)/.exec(log) ?? [];
      resolvePromise({ wallSeconds, cpuSeconds: Number(user) + Number(system), peakMemoryMB: peak / 2 ** 20, peakHolders, log });
    });
  });
}


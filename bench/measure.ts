/** Timing a command with the peak resident memory of its whole process tree (Linux `/proc`), for the benches. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Measurement {
  wallSeconds: number;
  cpuSeconds: number;
  peakMemoryMB: number;
  log: string;
}

/** Resident memory of a process and all its descendants, from /proc (Linux). */
export function treeMemoryBytes(rootPid: number): number {
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


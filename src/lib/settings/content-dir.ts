/**
 * Where the notes are: `content/` in the project, or the folder named by the environment
 * variable `CONTENT_DIR`. A relative `CONTENT_DIR` is read from the folder the command was
 * started in (npm runs scripts from the project root but keeps that folder in `INIT_CWD`).
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

export function resolveContentDir(
  env: Record<string, string | undefined>,
  projectRoot: string,
): string {
  const configured = env.CONTENT_DIR?.trim();
  if (!configured) return resolve(projectRoot, 'content');
  return resolve(env.INIT_CWD ?? process.cwd(), configured);
}

export function assertContentDir(dir: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(
      `The content folder ${dir} does not exist or is not a folder. ` +
        'Put your notes in content/, or set CONTENT_DIR to the folder that holds them.',
    );
  }
}

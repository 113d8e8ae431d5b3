/**
 * The site's settings for this process, read once from its environment (see
 * `lib/settings/settings.ts` for every setting, its default and its meaning).
 */
import { readSettings, type Settings } from './lib/settings/settings.ts';

let current: Settings | undefined;

/** The settings, read from `process.env` on first use; relative paths from the current folder. */
export function settings(): Settings {
  current ??= readSettings(process.env, process.cwd());
  return current;
}

/**
 * Every setting of the site, declared once: its environment variable, type, default and
 * meaning. `readSettings` is the one place they are read; everything else is handed the
 * typed result (`src/settings.ts` reads the process's environment once). The README's
 * settings table lists the same names and defaults (a unit test compares them).
 *
 * Settings are environment variables because that is how CI and the Pages workflow pass
 * them (`SITE_URL=… npm run build`); a blank value counts as not set.
 */
import { z } from 'astro/zod';
import { resolve } from 'node:path';
import { cacheFolderFor } from '../cache/cache-folder.ts';
import { resolveContentDir } from './content-dir.ts';
import { LOCAL_SITE_URL, resolveSiteUrl } from './site-url.ts';
import { SITE_LANGUAGES } from '../site/interface-strings.ts';

/** `1`, `true` or `yes` (any case) turn a switch on; anything else leaves it off. */
const switchedOn = z.string().transform((value) => /^(1|true|yes)$/i.test(value));

/** The settings by environment variable: `.describe()` is the meaning, `.default()` the default. */
export const settingsSchema = z.object({
  CONTENT_DIR: z
    .string()
    .default('content')
    .describe('The folder of notes to build. A relative path is read from the folder the command was started in.'),
  SITE_TITLE: z.string().default('Wiki Notes').describe("The site's name: page titles, header, feed."),
  SITE_DESCRIPTION: z
    .string()
    .default('Notes auto-translated from a Japanese wiki into English, linked to each other as in the original.')
    .describe('The home page lead and the description of pages that have no text of their own.'),
  SITE_LANGUAGE: z
    .enum(SITE_LANGUAGES)
    .default('en')
    .describe("The notes' language: `<html lang>`, `og:locale`, the interface text (`en` English, `ja` Japanese) and how the search index splits words."),
  SITE_URL: z
    .string()
    .default(LOCAL_SITE_URL)
    .describe('The public origin (no path) for the sitemap, feed, canonical and Open Graph URLs; the build says when it falls back to the local address.'),
  BASE_PATH: z.string().default('/').describe('A sub-path to serve the site under, e.g. `/wiki/`; every link, the search index, sitemap and feed follow it.'),
  OUT_DIR: z
    .string()
    .default('./dist')
    .describe('Where the built site goes, inside the project (Astro resolves its server chunks from there); the search index step reads it too.'),
  CACHE_DIR: z
    .string()
    .default('.cache')
    .describe(
      "The build cache: what the next build reuses (Astro's content store, the notes' renderings, the graph layout, the last build's pages, the search index's bundles), one subfolder per content folder. Keep it between builds (the Pages workflow does); delete it to build from nothing.",
    ),
  TRUSTED_HTML: switchedOn
    .default(false)
    .describe("`1`: notes' raw HTML is published unsanitized, scripts included, and pages carry no Content-Security-Policy. Only for notes you wrote yourself."),
  HASHTAG_LINKS: z
    .string()
    .regex(/^(1|true|yes|on|0|false|no|off)$/i, 'use 1/true/yes/on or 0/false/no/off')
    .transform((value) => /^(1|true|yes|on)$/i.test(value))
    .default(true)
    .describe('`0`, `false`, `no` or `off`: `#word` in a note stays text instead of linking to the page `word` (frontmatter `tags:` still link).'),
  SINGLE_MENTION_PAGES: switchedOn
    .default(false)
    .describe(
      '`1`: a title no note has gets its own page even when only one note links it. By default it gets one once two notes link it (Scrapbox\'s rule); until then its link is drawn as "mentioned only here" and search leads to the mention.',
    ),
  STRICT: switchedOn.default(false).describe('`1`: any build warning fails the build (exit code 1), for CI.'),
  RENDER_WORKERS: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('How many worker threads render notes; `1` renders in the main thread. Default: the number of cores, at most 4.'),
  SEARCH_BUNDLE_PAGES: z.coerce
    .number()
    .int()
    .min(1)
    .default(100000)
    .describe('About how many pages one bundle of the search index holds: a rebuild indexes again only the bundles whose pages changed. The default keeps a site of up to 100,000 pages in one bundle, whose first search is fastest.'),
});

export type SettingName = keyof typeof settingsSchema.shape;

/** `SITE_TITLE` → `siteTitle`: a setting's name in `Settings`. */
type FieldName<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Lowercase<Head>}${Capitalize<FieldName<Tail>>}` : Lowercase<S>;

/** A setting's name in `Settings`, as `FieldName` spells it. */
export function fieldName<S extends string>(name: S): FieldName<S> {
  return name.toLowerCase().replace(/_([a-z\d])/g, (_, letter: string) => letter.toUpperCase()) as FieldName<S>;
}

/** The settings whose value the build reads from more than the variable itself. */
const DERIVED = ['CONTENT_DIR', 'SITE_URL', 'CACHE_DIR'] as const;
type DerivedName = (typeof DERIVED)[number];

type SettingValues = z.infer<typeof settingsSchema>;

/**
 * The settings as the build uses them: each setting of the schema under its `fieldName`, with
 * the type its parsing gives (meanings in the schema's `.describe()`), and the derived ones.
 */
export type Settings = { [Name in Exclude<SettingName, DerivedName> as FieldName<Name>]: SettingValues[Name] } & {
  /** Absolute path of the notes folder. */
  contentDir: string;
  /** The public origin. */
  siteUrl: string;
  /** True when `SITE_URL` was not set and the local address stands in. */
  siteUrlIsFallback: boolean;
  /** Absolute path of the build cache folder for this content folder. */
  cacheDir: string;
};

/**
 * Reads the settings from an environment. Throws, naming the variable and the fix, when a
 * value cannot be used.
 */
export function readSettings(env: Record<string, string | undefined>, projectRoot: string): Settings {
  const given = Object.fromEntries(
    Object.keys(settingsSchema.shape).flatMap((name) => {
      const value = env[name]?.trim();
      return value ? [[name, value]] : [];
    }),
  );
  const parsed = settingsSchema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}="${given[String(issue.path[0])]}": ${issue.message}`);
    throw new Error(`Some settings cannot be used: ${problems.join('; ')}. See "Settings" in README.md for what each one takes.`);
  }
  const values = parsed.data;
  const siteUrl = resolveSiteUrl(env);
  const contentDir = resolveContentDir(env, projectRoot);
  // Every setting of the schema, an optional one not set included (as undefined).
  const plain = Object.fromEntries(
    (Object.keys(settingsSchema.shape) as SettingName[])
      .filter((name) => !(DERIVED as readonly string[]).includes(name))
      .map((name) => [fieldName(name), values[name]]),
  ) as Omit<Settings, 'contentDir' | 'siteUrl' | 'siteUrlIsFallback' | 'cacheDir'>;
  return {
    ...plain,
    contentDir,
    siteUrl: siteUrl.url,
    siteUrlIsFallback: siteUrl.isFallback,
    cacheDir: cacheFolderFor(resolve(projectRoot, values.CACHE_DIR), contentDir),
  };
}

/**
 * A deterministic synthetic corpus for the build benchmark: notes shaped like the nishio-en
 * Scrapbox export (../shared/corpora/nishio-en/pages), in any number, from a seed.
 *
 *   node bench/synthetic-corpus.ts --notes 24000 --seed 1 --out /tmp/synth24k
 *
 * Calibrated to the whole wiki (the export nishio-en was cut from: 23,914 notes, 105,085 wiki
 * links, 43 % of them reaching a note; 33,584 titles without a note, of which 25,678 are linked
 * from one note, 4,195 from two and 3,711 from three or more), and, for what only the slice
 * shows, to nishio-en (`node bench/corpus-shape.ts DIR` measures either; at 24,000 notes this
 * generator gives 104,800 wiki links, 43.3 % reaching a note, 33,545 missing titles: 25,740 /
 * 4,303 / 3,502). The slice keeps 66 % of links to missing titles and 80 % of them linked by one
 * note: it was cut by communities, which keep links inside.
 *
 * Measured on the nishio-en slice (7,392 notes; sizes, lines and footers are tuned to it):
 * - file size: median 1,326 B, p90 5.4 KB, p99 22 KB, max 129 KB; the body between the
 *   frontmatter and the footer is log-normal (median 872 B, sigma 1.38) all the way up;
 * - `[[links]]`: mean 4.3 per note, median 3, 21% of notes have none, more in longer notes
 *   (about size^0.33); links to notes are skewed (the most linked note gets 106 links, 54% of
 *   notes get at least one); `#hashtags` in about 6% of notes (837 in all), a few tags often;
 * - every note has `title:` frontmatter (double-quoted, single-quoted when the title has a
 *   `"`) and, as its last line, with no final newline, a footer
 *   `This page is auto-translated from [/nishio/原題](https://scrapbox.io/nishio/原題) using DeepL. …`
 *   after a `---` line; the original title is Japanese in 83% of notes (dates and English
 *   names otherwise); the body has Japanese in 6% of notes, and 0.5% of link targets are
 *   Japanese;
 * - lines: lists in 76% of notes (4 spaces a level, depth 0–8), `>` quotes of tweets in 23%,
 *   gyazo images in 25%, Scrapbox user icons in 15%, code fences in 10%, headings (mostly
 *   `###`) in 5%; 26% of lines are blank.
 *
 * The core (`generateCorpus`) is pure and streams: note i depends only on the seed, i and the
 * small per-corpus tables (titles, original titles, missing-title pools), so a corpus of any
 * size is generated one note at a time. Same seed and same number of notes give the same
 * bytes (the tables depend on the number, so a smaller corpus is not a prefix of a larger
 * one). Only `writeCorpus` and the command line touch the file system.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { mulberry32 } from '../src/lib/graph/seeded-random.ts';
export { mulberry32 };

export interface CorpusOptions {
  /** How many notes (files) to generate. */
  notes: number;
  /** Any safe integer; the same seed and `notes` give byte-identical notes. */
  seed: number;
}

export interface GeneratedNote {
  /** The file name: the title with `/` written as `-`, plus `.md` (as in the Scrapbox export). */
  fileName: string;
  text: string;
}

/** No note file is larger than this (bytes). */
export const MAX_NOTE_BYTES = 200 * 1024;

/** The file `writeCorpus` leaves in the folders it writes; it only overwrites folders that have it. */
export const MARKER_FILE = '.synthetic-corpus.json';

/** The shape of the corpus, from the measurements above. */
export const PROFILE = {
  /** Log-normal body size (bytes, without frontmatter and footer). */
  bodyMedianBytes: 872,
  bodySigma: 1.38,
  /** Share of wiki link occurrences whose target is not a note (the whole wiki: 57 %; the nishio-en slice: 66 %). */
  missingLinkShare: 0.56,
  /** Of the missing-title links, the share naming a title no other link names. */
  singletonMissingShare: 0.21,
  /** The pool of the other missing titles, as a share of the number of notes, and its skew. */
  missingPoolPerNote: 2.1,
  missingPoolZipf: 0.76,
  /** Links a note has besides none: `1 + overdispersed(linkScale × (size/1000)^0.33 − 1)`. */
  linkScale: 6.0,
  /** Share of notes with `#hashtags` (the real slice: 837 in 7,392 notes), from a small skewed pool of tags. */
  hashtagNoteShare: 0.07,
  hashtagPoolPerNote: 0.03,
  /** Links to notes go to this share of the notes (shuffled), with this skew. */
  linkedNoteShare: 0.7,
  noteLinkZipf: 0.55,
  /** Share of links to notes that are written in another case than the title. */
  caseVariantShare: 0.033,
  japaneseBodyShare: 0.063,
  japaneseTitleShare: 0.005,
  /** Share of notes whose footer names a Japanese original title. */
  japaneseOriginalShare: 0.83,
} as const;

const FOOTER_TAIL =
  ". If you looks something interesting but the auto-translated English is not good enough to understand it, feel free to let me know at [@nishio_en](https://twitter.com/nishio_en). I'm very happy to spread my thought to non-Japanese readers.";

// ---------------------------------------------------------------------------------------------
// Randomness


/** Mixes integers into one 32-bit seed (murmur3's finaliser over each part). */
function mix(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

interface Rng {
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** An integer in [lo, hi]. */
  range(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A standard normal deviate. */
  normal(): number;
}

function makeRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    range: (lo, hi) => lo + int(hi - lo + 1),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
    normal: () => {
      // Box-Muller; 1 - u keeps the logarithm finite.
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}

/** Picks by weight: `weights[i]` is the weight of index i. */
function weighted(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let x = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i] ?? 0;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

/**
 * Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s: inverts the
 * cumulative weights, starting from a guide table so a draw takes a step or two.
 */
function zipfSampler(n: number, s: number): (rng: Rng) => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += 1 / Math.pow(i + 1, s);
    cdf[i] = sum;
  }
  const guides = new Int32Array(n);
  for (let g = 0, i = 0; g < n; g++) {
    while (i < n - 1 && (cdf[i] ?? 0) <= (g / n) * sum) i++;
    guides[g] = i;
  }
  return (rng) => {
    const u = rng.next();
    let i = guides[Math.floor(u * n)] ?? 0;
    const x = u * sum;
    while (i < n - 1 && (cdf[i] ?? 0) <= x) i++;
    return i;
  };
}

/** A Poisson count whose mean is Gamma(1.5)-distributed around `mean` (a negative binomial). */
function overdispersedCount(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  const z = rng.normal();
  const lambda = (-Math.log(1 - rng.next()) + (z * z) / 2) * (mean / 1.5);
  if (lambda > 60) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.normal()));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

// ---------------------------------------------------------------------------------------------
// Words

function nfcWords(text: string): string[] {
  return text.normalize('NFC').split(' ');
}

const FUNCTION_WORDS = (
  'the of and to a in is that it for as with this on be are not by or but from at which we ' +
  'can there an so what if they more when one it is do have has was will about than also ' +
  'into only such other because how no like then would these some their very even just ' +
  'all way who should may each here does much many same those its our were been'
).split(' ');

const CONTENT_WORDS = (
  'knowledge thinking learning idea ideas democracy design engineer engineers software ' +
  'organization value values experience understanding decision making diversity question ' +
  'answer information structure process system problem solution model concept concepts ' +
  'writing reading notes note memory abstraction concrete hypothesis experiment observation ' +
  'dialogue meeting consensus voting future past present time space boundary intuition ' +
  'logic emotion purpose means growth change choice freedom responsibility trust sharing ' +
  'public sticky diagram expression communication misunderstanding premise perspective ' +
  'context whole part element classification integration creation production consumption ' +
  'market economy politics administration education research development operation ' +
  'improvement evaluation reward motivation habit diary lecture material team leader user ' +
  'tool network community project data feedback game language method technique practice ' +
  'theory pattern story example case point view world people person society culture ' +
  'history science mathematics programming code computer machine intelligence agent ' +
  'language model prompt search link links page pages wiki graph tree layer level stage ' +
  'step phase cycle loop flow stock energy attention interest curiosity fear anxiety ' +
  'courage sincerity confidence catharsis pragmatism equality fairness justice power ' +
  'authority market funding quadratic plural collective intelligent individual group ' +
  'essay book chapter article paper review summary digest draft outline table list box ' +
  'card cards label labels cluster clusters map maps picture pictures vision mission ' +
  'strategy tactic goal target metric measure cost benefit risk uncertainty posterior ' +
  'prior probability evidence belief opinion argument claim reason cause effect result ' +
  'outcome input output interface protocol platform service product customer client ' +
  'worker manager company startup venture investor capital labor wage job career skill ' +
  'talent gift tacit explicit implicit hidden visible simple complex difficult easy ' +
  'important interesting useful useless possible impossible necessary sufficient common ' +
  'unique general specific abstract physical mental social personal technical political ' +
  'economic intellectual creative critical practical theoretical natural artificial human ' +
  'digital local global small large long short fast slow early late new old good bad ' +
  'right wrong true false real virtual open closed free shared first second third last ' +
  'next previous whole partial direct indirect ' +
  'connect expand start stop build grow learn teach write read think feel know see find ' +
  'make take give keep move turn run show tell ask explain describe compare organize ' +
  'arrange collect select decide judge measure improve create destroy repeat iterate ' +
  'listen speak discuss agree disagree notice realize forget remember imagine'
).split(' ');

const SYLLABLES = (
  'ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho ma mi mu me mo ' +
  'ra ri ru re ro ya yu yo wa ga gi gu ge go za ji zu ze zo da de do ba bi bu be bo pa pi pu pe po ' +
  'an en in on un al el il ol ver ter min tal per con pro dis ex ium ism ent ion ary ic ous'
).split(' ');

const JAPANESE_WORDS = nfcWords(
  '知識 思考 学習 民主主義 設計 組織 価値 経験 理解 意思決定 多様性 情報 技術 社会 言語 概念 問題 解決 ' +
  '構造 関係 判断 議論 自分 他人 記憶 文章 読書 執筆 発想 整理 抽象化 具体化 仮説 検証 実験 観察 対話 ' +
  '会議 合意 投票 未来 過去 現在 時間 空間 境界 外在化 内省 直感 論理 感情 目的 手段 成長 変化 選択 ' +
  '自由 責任 信頼 共有 公開 付箋 図解 表現 伝達 誤解 前提 視点 文脈 全体 部分 要素 分類 統合 創造 ' +
  '生産 消費 市場 経済 政治 行政 教育 研究 開発 運用 改善 評価 報酬 動機 習慣 日記 講演 資料 質問 ' +
  '回答 知的生産 気持ち 悟り 半ば 足 服屋 内閣 中心主義 言葉 世界 人間 境目 仕組み 考え方 読み方 ' +
  'エンジニア プログラミング アイデア ネットワーク コミュニティ プロジェクト デザイン システム モデル ' +
  'データ フィードバック プロセス チーム リーダー ユーザー ツール ボードゲーム ランキング ' +
  'クリーンランゲージ スクラップボックス ブロードリスニング ベビーシッター ヨーロッパ',
);
const JAPANESE_PARTICLES = ['の', 'の', 'の', 'と', 'は', 'が', 'を', 'に', 'で', 'から', 'より', 'として'];
const JAPANESE_ENDINGS = ['。', 'だ。', 'である。', 'と思う。', 'ではない。', 'かもしれない。', 'という話。', 'が大事。'];

/** Made-up words for the long tail of the vocabulary, the same for every seed. */
const SYNTHETIC_WORDS: readonly string[] = (() => {
  const rng = makeRng(0x5eed);
  const seen = new Set<string>([...CONTENT_WORDS, ...FUNCTION_WORDS]);
  const words: string[] = [];
  while (words.length < 4000) {
    let word = '';
    const syllables = rng.range(2, 4);
    for (let i = 0; i < syllables; i++) word += rng.pick(SYLLABLES);
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words;
})();

const REAL_WORDS: readonly string[] = [...new Set(CONTENT_WORDS)];
const realRank = zipfSampler(REAL_WORDS.length, 0.8);
const syntheticRank = zipfSampler(SYNTHETIC_WORDS.length, 1.0);
const japaneseRank = zipfSampler(JAPANESE_WORDS.length, 0.7);

/** A content word: mostly real words, a tenth made-up ones for the long tail of the vocabulary. */
function contentWord(rng: Rng): string {
  return rng.next() < 0.1 ? (SYNTHETIC_WORDS[syntheticRank(rng)] as string) : (REAL_WORDS[realRank(rng)] as string);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const SENTENCE_ENDS = ['.', '?', '!', ''];
const SENTENCE_END_WEIGHTS = [85, 8, 2, 5];

/** Lower-case words, roughly half function words, like running English text; capitalised. */
function sentence(rng: Rng, min: number, max: number): string {
  const count = rng.range(min, max);
  const comma = count > 6 && rng.chance(0.3) ? rng.range(2, count - 3) : -1;
  const quoted = rng.chance(0.06) ? rng.int(count) : -1;
  let text = '';
  for (let i = 0; i < count; i++) {
    let word = i > 0 && rng.chance(0.45) ? rng.pick(FUNCTION_WORDS) : contentWord(rng);
    if (i === 0) word = capitalize(word);
    if (i === quoted) word = `"${word}"`;
    if (i === comma) word += ',';
    text += i > 0 ? ' ' + word : word;
  }
  return text + (SENTENCE_ENDS[weighted(rng, SENTENCE_END_WEIGHTS)] ?? '.');
}

function sentences(rng: Rng, min: number, max: number): string {
  const count = rng.range(min, max);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(sentence(rng, 3, 18));
  return out.join(' ');
}

function japanesePhrase(rng: Rng, min: number, max: number): string {
  const count = rng.range(min, max);
  let text = '';
  for (let i = 0; i < count; i++) {
    text += JAPANESE_WORDS[japaneseRank(rng)] ?? '';
    if (i < count - 1) text += rng.pick(JAPANESE_PARTICLES);
  }
  return text;
}

function japaneseSentence(rng: Rng): string {
  return japanesePhrase(rng, 2, 7) + rng.pick(JAPANESE_ENDINGS);
}

// ---------------------------------------------------------------------------------------------
// Titles

/**
 * The site's title key (`src/lib/titles/titles.ts`) for the names made here, which are NFC, have no
 * `_` and single spaces only, so lower case is all that is left of it.
 */
function keyOf(title: string): string {
  return title.toLowerCase();
}

function titleWords(rng: Rng, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(i > 0 && i < count - 1 && rng.chance(0.35) ? rng.pick(FUNCTION_WORDS) : contentWord(rng));
  }
  return out;
}

/** Word counts: [lowest, highest, weight] buckets. */
type Buckets = readonly (readonly [number, number, number])[];
const TITLE_WORD_COUNTS: Buckets = [[1, 1, 8], [2, 2, 17], [3, 5, 40], [6, 10, 25], [11, 16, 10]];
const MISSING_TITLE_WORD_COUNTS: Buckets = [[1, 3, 60], [4, 7, 30], [8, 12, 10]];

function countFrom(rng: Rng, buckets: Buckets): number {
  const [lo, hi] = buckets[weighted(rng, buckets.map((bucket) => bucket[2]))] ?? [1, 1];
  return rng.range(lo, hi);
}

function noteTitle(rng: Rng): string {
  if (rng.chance(PROFILE.japaneseTitleShare)) return japanesePhrase(rng, 2, 4);
  const count = countFrom(rng, TITLE_WORD_COUNTS);
  const parts = titleWords(rng, count);
  if (rng.chance(0.2)) for (let i = 0; i < parts.length; i++) parts[i] = capitalize(parts[i] ?? '');
  if (parts.length > 2 && rng.chance(0.012)) {
    const i = rng.int(parts.length - 1);
    parts[i] = `"${parts[i] ?? ''} ${parts[i + 1] ?? ''}"`;
    parts.splice(i + 1, 1);
  }
  let title = parts.join(' ');
  if (parts.length > 1 && rng.chance(0.008)) title = title.replace(' ', '/');
  if (rng.chance(0.85)) title = capitalize(title);
  const end = weighted(rng, [80.5, 17, 2.5]);
  title += ['', '.', '?'][end] ?? '';
  return trimToBytes(title, 150);
}

function missingTitle(rng: Rng, short: boolean): string {
  const count = short ? rng.range(1, 2) : countFrom(rng, MISSING_TITLE_WORD_COUNTS);
  const title = titleWords(rng, count).join(' ');
  return trimToBytes(rng.chance(0.57) ? title : capitalize(title), 150);
}

function trimToBytes(title: string, maxBytes: number): string {
  let out = title;
  while (utf8Length(out) > maxBytes) out = out.slice(0, out.lastIndexOf(' ') > 0 ? out.lastIndexOf(' ') : out.length - 1);
  return out;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function dateString(rng: Rng): string {
  const year = rng.range(2008, 2025);
  const month = rng.range(1, 12);
  const day = rng.range(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Everything about the corpus that the notes share: the names of notes and missing pages. */
interface CorpusTables {
  titles: string[];
  originals: string[];
  /** Note indices in order of popularity as link targets. */
  popularNotes: Int32Array;
  noteRank: (rng: Rng) => number;
  missingPool: string[];
  missingRank: (rng: Rng) => number;
  japaneseMissingPool: string[];
  japaneseMissingRank: (rng: Rng) => number;
  /** Hashtags: one word, or words joined by `_` (read as spaces). */
  tagPool: string[];
  tagRank: (rng: Rng) => number;
  /** Keys of every name in use, which a fresh missing title must avoid. */
  usedKeys: Set<string>;
}

function buildTables(notes: number, seed: number): CorpusTables {
  const rng = makeRng(mix(seed, 0x7171e5));
  const usedKeys = new Set<string>();
  /** Reserves a name; a clash gets a number, so every name is unique. */
  const claim = (make: () => string): string => {
    for (let attempt = 0; ; attempt++) {
      const base = make();
      const name = attempt < 8 ? base : `${base} ${attempt}`;
      const keys = [keyOf(name), keyOf(name.replace(/\//g, '-'))];
      if (keys.some((key) => usedKeys.has(key) || key === '')) continue;
      for (const key of keys) usedKeys.add(key);
      return name;
    }
  };
  const titles: string[] = [];
  for (let i = 0; i < notes; i++) titles.push(claim(() => noteTitle(rng)));
  const originals: string[] = [];
  for (let i = 0; i < notes; i++) {
    const title = titles[i] ?? '';
    if (/[^\x00-\x7f]/.test(title)) {
      originals.push(title);
      continue;
    }
    const kind = weighted(rng, [PROFILE.japaneseOriginalShare, 0.1, 0.03, 0.04]);
    if (kind === 3) originals.push(title.toLowerCase());
    else if (kind === 2) originals.push(claim(() => `Hatena${dateString(rng)}`));
    else if (kind === 1) originals.push(claim(() => dateString(rng)));
    else originals.push(claim(() => japanesePhrase(rng, 2, 6)));
  }
  const popularNotes = new Int32Array(notes);
  for (let i = 0; i < notes; i++) popularNotes[i] = i;
  for (let i = notes - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = popularNotes[i] ?? 0;
    popularNotes[i] = popularNotes[j] ?? 0;
    popularNotes[j] = t;
  }
  const poolSize = Math.max(10, Math.round(notes * PROFILE.missingPoolPerNote));
  const missingPool: string[] = [];
  for (let i = 0; i < poolSize; i++) missingPool.push(claim(() => missingTitle(rng, i < poolSize / 50 || rng.chance(0.3))));
  const japanesePoolSize = Math.max(5, Math.round(poolSize / 20));
  const japaneseMissingPool: string[] = [];
  for (let i = 0; i < japanesePoolSize; i++) japaneseMissingPool.push(claim(() => japanesePhrase(rng, 1, 3)));
  const tagPoolSize = Math.max(5, Math.round(notes * PROFILE.hashtagPoolPerNote));
  const tagPool: string[] = [];
  // `claim` reserves the key with spaces, as the site reads `_`.
  for (let i = 0; i < tagPoolSize; i++) tagPool.push(claim(() => titleWords(rng, rng.chance(0.8) ? 1 : 2).map(capitalize).join(' ')).replace(/ /g, '_'));
  return {
    titles,
    originals,
    popularNotes,
    noteRank: zipfSampler(Math.max(1, Math.round(notes * PROFILE.linkedNoteShare)), PROFILE.noteLinkZipf),
    missingPool,
    missingRank: zipfSampler(poolSize, PROFILE.missingPoolZipf),
    japaneseMissingPool,
    japaneseMissingRank: zipfSampler(japanesePoolSize, PROFILE.missingPoolZipf),
    tagPool,
    tagRank: zipfSampler(tagPoolSize, 1.0),
    usedKeys,
  };
}

// ---------------------------------------------------------------------------------------------
// Notes

/** A body line, and whether a `[[link]]` may go into it (not code, images or headings). */
interface Line {
  text: string;
  linkable: boolean;
  /** The list indent of the line, for a link added as a sibling item. */
  indent: string;
}

const TWITTER_HANDLES = ['nishio', 'tokoroten', 'ymrl', 'pnizo', 'sumyapp', 'takanoripe', 'shrkwh', 'bakera', 'hiroki_daichi', 'snakajima', 'CrubClub'];
const ICON_USERS = ['nishio', 'nishio', 'nishio', 'nishio', 'nisbot', 'nisbot', 'gpt', 'omni', 'claude', 'human', 'o3'];
const WEB_HOSTS = ['note.com', 'speakerdeck.com', 'en.wikipedia.org', 'ja.wikipedia.org', 'www.amazon.co.jp', 'github.com', 'togetter.com', 'arxiv.org'];
const CODE_LANGUAGES = ['', '', '', '', '', 'typescript', 'javascript', 'json', 'python', 'cs', 'cpp', 'yaml'];

function hex(rng: Rng, digits: number): string {
  let out = '';
  for (let i = 0; i < digits; i++) out += '0123456789abcdef'.charAt(rng.int(16));
  return out;
}

function digits(rng: Rng, count: number): string {
  let out = String(rng.range(1, 9));
  for (let i = 1; i < count; i++) out += String(rng.int(10));
  return out;
}

function codeLine(rng: Rng, language: string): string {
  const a = contentWord(rng);
  const b = contentWord(rng);
  const n = rng.int(1000);
  const indent = '  '.repeat(rng.int(3));
  if (language === 'json' || language === 'yaml') {
    return language === 'json' ? `${indent}"${a}": ${rng.chance(0.5) ? n : `"${b}"`},` : `${indent}${a}: ${b}`;
  }
  switch (rng.int(8)) {
    case 0:
      return `${indent}const ${a} = ${b}(${n});`;
    case 1:
      return `${indent}return ${a}.${b};`;
    case 2:
      return `${indent}if (${a} > ${n}) {`;
    case 3:
      return `${indent}}`;
    case 4:
      return `${indent}${a}.${b}(${a}, ${n});`;
    case 5:
      return `${indent}for (const ${a} of ${b}s) {`;
    case 6:
      return `${indent}// ${sentence(rng, 3, 9)}`;
    default:
      return `${indent}${a} = ${a} + ${b} * ${n}`;
  }
}

interface NoteFlags {
  lists: boolean;
  quotes: boolean;
  images: boolean;
  icons: boolean;
  headings: boolean;
  code: boolean;
  webLinks: boolean;
  japanese: boolean;
}

type BlockKind = 'paragraph' | 'list' | 'quote' | 'image' | 'icon' | 'heading' | 'code' | 'web' | 'japanese';

const LIST_MOVES = [34, 42, 18, 6]; // deeper, same, shallower, back to the top level

/** Lines of one kind; `roomBytes` (what the note still needs) keeps blocks small in small notes. */
function block(rng: Rng, kind: BlockKind, roomBytes: number): Line[] {
  const line = (text: string, linkable = true, indent = ''): Line => ({ text, linkable, indent });
  switch (kind) {
    case 'paragraph': {
      const out: Line[] = [];
      if (roomBytes < 100) return [line(sentence(rng, 2, 12))];
      const count = rng.chance(0.7) ? 1 : rng.range(2, 3);
      for (let i = 0; i < count; i++) out.push(line((rng.chance(0.03) ? ' ' : '') + sentences(rng, 1, rng.chance(0.8) ? 2 : 5)));
      return out;
    }
    case 'list': {
      const out: Line[] = [];
      const count = Math.min(rng.chance(0.3) ? rng.range(1, 3) : rng.range(3, 12), Math.max(1, Math.round(roomBytes / 40)));
      let depth = 0;
      for (let i = 0; i < count; i++) {
        if (i > 0) {
          const move = weighted(rng, LIST_MOVES);
          if (move === 0) depth = Math.min(depth + 1, 8);
          else if (move === 2) depth = Math.max(depth - 1, 0);
          else if (move === 3) depth = 0;
        }
        const indent = '    '.repeat(depth);
        const body = rng.chance(0.75) ? sentence(rng, 1, 8) : sentences(rng, 1, 2);
        out.push(line(`${indent}- ${rng.chance(0.03) ? '> ' : ''}${body}`, true, indent));
      }
      return out;
    }
    case 'quote': {
      const out: Line[] = [];
      const handle = rng.pick(TWITTER_HANDLES);
      const first = rng.chance(0.6) ? `[${handle}](https://twitter.com/${handle}/status/${digits(rng, 19)}) ` : '';
      out.push(line(`> ${first}${roomBytes < 150 ? sentence(rng, 2, 10) : sentences(rng, 1, 3)}`));
      const more = rng.chance(0.5) ? 0 : Math.min(rng.range(1, 6), Math.floor(roomBytes / 80));
      for (let i = 0; i < more; i++) out.push(rng.chance(0.15) ? line('>', false) : line(`>  ${sentences(rng, 1, 2)}`));
      return out;
    }
    case 'image':
      return [line(`![image](https://gyazo.com/${hex(rng, 32)}/thumb/1000)`, false)];
    case 'icon': {
      const user = rng.pick(ICON_USERS);
      return [line(`<img src='https://scrapbox.io/api/pages/nishio-en/${user}/icon' alt='${user}.icon' height="19.5"/>${sentences(rng, 1, 3)}`)];
    }
    case 'heading': {
      const marks = ['###', '#', '##'][weighted(rng, [55, 30, 15])] ?? '###';
      return [line(`${marks} ${capitalize(titleWords(rng, rng.range(1, 6)).join(' '))}`, false)];
    }
    case 'code': {
      const language = rng.pick(CODE_LANGUAGES);
      const wanted = rng.chance(0.4) ? rng.range(3, 20) : rng.range(20, 120);
      const count = Math.max(2, Math.min(wanted, Math.floor(roomBytes / 25)));
      const out: Line[] = [line('```' + language, false)];
      for (let i = 0; i < count; i++) out.push(line(codeLine(rng, language), false));
      out.push(line('```', false));
      return out;
    }
    case 'web': {
      const host = rng.pick(WEB_HOSTS);
      const label = capitalize(titleWords(rng, rng.range(2, 9)).join(' '));
      const url = `https://${host}/${contentWord(rng)}/${hex(rng, 10)}`;
      const prefix = rng.chance(0.3) ? '- ' : '';
      // Not linkable: a link put into the label would nest brackets.
      return [line(`${prefix}[${label}](${url})${rng.chance(0.3) ? ' ' + sentence(rng, 3, 10) : ''}`, false)];
    }
    case 'japanese': {
      const out: Line[] = [];
      const count = rng.range(1, 3);
      for (let i = 0; i < count; i++) {
        const text = rng.chance(0.3) ? `${sentence(rng, 3, 10)} ${japaneseSentence(rng)}` : japaneseSentence(rng) + (rng.chance(0.4) ? japaneseSentence(rng) : '');
        out.push(rng.chance(0.4) ? line(`- ${text}`) : line(text));
      }
      return out;
    }
  }
}

function yamlTitle(title: string): string {
  if (title.includes('"')) return `'${title.replace(/'/g, "''")}'`;
  return `"${title.replace(/\\/g, '\\\\')}"`;
}

/** Link targets are at most this long; the body leaves this much room per link below the cap. */
const LINK_ROOM_BYTES = 220;

function generateNote(tables: CorpusTables, seed: number, index: number): GeneratedNote {
  const rng = makeRng(mix(seed, 0xb0d1e5, index));
  const title = tables.titles[index] ?? '';
  const original = tables.originals[index] ?? title;
  const flags: NoteFlags = {
    lists: rng.chance(0.76),
    quotes: rng.chance(0.31),
    images: rng.chance(0.27),
    icons: rng.chance(0.17),
    headings: rng.chance(0.057),
    code: rng.chance(0.13),
    webLinks: rng.chance(0.32),
    japanese: rng.chance(PROFILE.japaneseBodyShare),
  };

  const frontmatter = `---\ntitle: ${yamlTitle(title)}\n---\n\n`;
  const hasFooter = rng.chance(0.996);
  const separator = ['\n\n---\n', '\n\n\n---\n', '\n---\n'][weighted(rng, [62, 13, 25])] ?? '\n---\n';
  const footer = hasFooter
    ? `${separator}This page is auto-translated from [/nishio/${original}](https://scrapbox.io/nishio/${original})${rng.chance(0.993) ? ' using DeepL' : ''}${FOOTER_TAIL}`
    : '';

  // Body size: log-normal; links: none in about a fifth of the notes, more in longer ones.
  const target = Math.max(12, Math.round(PROFILE.bodyMedianBytes * Math.exp(PROFILE.bodySigma * rng.normal())));
  const zeroLinks = 0.19 + (target < 150 ? 0.13 : 0) + (target > 5000 ? 0.1 : 0);
  const linkCount = rng.chance(zeroLinks)
    ? 0
    : 1 + overdispersedCount(rng, Math.max(0.8, PROFILE.linkScale * Math.pow(target / 1000, 0.33) - 1));
  const budget = MAX_NOTE_BYTES - utf8Length(frontmatter) - utf8Length(footer) - linkCount * LINK_ROOM_BYTES - 64;
  // The links are added afterwards: leave room for them (about 45 bytes each, with the list
  // items some of them get), and for the ~30 bytes the last block overshoots by on average.
  const goal = Math.max(12, Math.min(target - linkCount * 45 - 15, budget));

  const lines: Line[] = [];
  let bytes = 0;
  /** Adds the lines unless they break the budget, or (when `nearest`) end farther from the goal than now. */
  const add = (more: Line[], nearest: boolean): boolean => {
    let size = 0;
    for (const line of more) size += utf8Length(line.text) + 1;
    if (lines.length > 0 && (bytes + size > budget || (nearest && bytes + size / 2 > goal))) return false;
    for (const line of more) lines.push(line);
    bytes += size;
    return true;
  };
  // Each feature of the note once, in random order, then blocks by weight until the size is reached.
  const kinds: BlockKind[] = ['paragraph', 'list', 'quote', 'image', 'icon', 'heading', 'code', 'web', 'japanese'];
  const enabled = [true, flags.lists, flags.quotes, flags.images, flags.icons, flags.headings, flags.code, flags.webLinks, flags.japanese];
  const weights = [1.0, 0.55, 0.5, 0.35, 1.5, 1.2, 0.12, 0.2, 0.4].map((w, i) => (enabled[i] ? w : 0));
  const firsts = kinds.filter((kind, i) => enabled[i] && kind !== 'paragraph');
  for (let i = firsts.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = firsts[i] as BlockKind;
    firsts[i] = firsts[j] as BlockKind;
    firsts[j] = t;
  }
  // A note of a line or two has room for none of them.
  if (goal < 150) firsts.length = 0;
  if (flags.japanese) firsts.unshift('japanese');
  let failures = 0;
  while ((bytes < goal || firsts.length > 0) && failures < 20) {
    const forced = firsts.shift();
    if (forced !== undefined && forced !== 'japanese' && bytes >= goal) continue;
    const kind = forced ?? kinds[weighted(rng, weights)] ?? 'paragraph';
    const more = block(rng, kind, Math.max(0, goal - bytes));
    if (lines.length > 0 && rng.chance(0.55)) more.unshift({ text: '', linkable: false, indent: '' });
    if (!add(more, forced !== 'japanese')) failures++;
  }

  for (let i = 0; i < linkCount; i++) addLink(rng, lines, linkTarget(rng, tables, index, flags.japanese));
  if (rng.chance(PROFILE.hashtagNoteShare)) {
    const count = rng.chance(0.75) ? 1 : rng.range(2, 3);
    for (let i = 0; i < count; i++) addHashtag(rng, lines, tables.tagPool[tables.tagRank(rng)] ?? 'TODO');
  }

  let body = '';
  for (let i = 0; i < lines.length; i++) body += (i > 0 ? '\n' : '') + (lines[i]?.text ?? '');
  return { fileName: `${title.replace(/\//g, '-')}.md`, text: frontmatter + body + footer };
}

function linkTarget(rng: Rng, tables: CorpusTables, self: number, japaneseNote: boolean): string {
  if (!rng.chance(PROFILE.missingLinkShare)) {
    for (let attempt = 0; attempt < 4; attempt++) {
      const note = tables.popularNotes[tables.noteRank(rng)] ?? 0;
      if (note === self) continue;
      const title = tables.titles[note] ?? '';
      return rng.chance(PROFILE.caseVariantShare) ? title.toLowerCase() : title;
    }
  }
  if (japaneseNote && rng.chance(0.12)) return tables.japaneseMissingPool[tables.japaneseMissingRank(rng)] ?? '';
  if (!rng.chance(PROFILE.singletonMissingShare)) {
    const title = tables.missingPool[tables.missingRank(rng)] ?? '';
    return rng.chance(PROFILE.caseVariantShare) ? (title === title.toLowerCase() ? capitalize(title) : title.toLowerCase()) : title;
  }
  // A title only this link names (as far as the generator knows): most missing titles are these.
  for (;;) {
    const title = missingTitle(rng, false);
    if (!tables.usedKeys.has(keyOf(title))) return title;
  }
}

/** A `#tag` at the end of a line of text, or on a line of its own (as Scrapbox writes them). */
function addHashtag(rng: Rng, lines: Line[], tag: string): void {
  const candidates: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i]?.linkable && !lines[i]!.text.startsWith('<img')) candidates.push(i);
  if (candidates.length === 0 || rng.chance(0.3)) {
    lines.push({ text: `#${tag}`, linkable: false, indent: '' });
    return;
  }
  const line = lines[candidates[rng.int(candidates.length)] ?? 0] as Line;
  line.text += `${line.text === '' || line.text.endsWith(' ') ? '' : ' '}#${tag}`;
}

function addLink(rng: Rng, lines: Line[], target: string): void {
  const link = `[[${target}]]`;
  const candidates: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i]?.linkable) candidates.push(i);
  if (candidates.length === 0) {
    lines.push({ text: `- ${link}`, linkable: true, indent: '' });
    return;
  }
  const at = candidates[rng.int(candidates.length)] ?? 0;
  const line = lines[at] as Line;
  if (rng.chance(0.22)) {
    // A list item that is just the link, next to the line.
    lines.splice(at + 1, 0, { text: `${line.indent}- ${link}`, linkable: true, indent: line.indent });
    return;
  }
  // Into the text, at a space after the line's marker (`- `, `> `, an icon).
  const start = line.text.startsWith('<img') ? line.text.indexOf('/>') + 2 : line.text.search(/[^\s>-]/);
  const spaces: number[] = [];
  for (let i = Math.max(0, start); i < line.text.length; i++) if (line.text.charCodeAt(i) === 32) spaces.push(i);
  if (spaces.length === 0 || rng.chance(0.15)) {
    line.text += (line.text.endsWith(' ') || line.text === '' ? '' : ' ') + link;
    return;
  }
  const pos = spaces[rng.int(spaces.length)] ?? line.text.length;
  line.text = `${line.text.slice(0, pos + 1)}${link} ${line.text.slice(pos + 1)}`;
}

/** The notes of a corpus, one at a time. */
export function* generateCorpus(options: CorpusOptions): Generator<GeneratedNote> {
  checkOptions(options);
  const { notes, seed } = options;
  const seed32 = mix(seed >>> 0, Math.floor(seed / 4294967296) >>> 0);
  const tables = buildTables(notes, seed32);
  for (let i = 0; i < notes; i++) yield generateNote(tables, seed32, i);
}

function checkOptions({ notes, seed }: CorpusOptions): void {
  if (!Number.isSafeInteger(notes) || notes < 1) throw new RangeError(`notes must be a positive integer, not ${notes}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, not ${seed}`);
}

// ---------------------------------------------------------------------------------------------
// Files

export interface WriteResult {
  dir: string;
  notes: number;
  bytes: number;
}

/**
 * Writes the corpus into `dir` (made if missing). A folder that already has files must have
 * this generator's marker file, so real notes are never overwritten; the `.md` files of an
 * earlier synthetic corpus there are removed first.
 */
export function writeCorpus(dir: string, options: CorpusOptions): WriteResult {
  checkOptions(options);
  const out = resolve(dir);
  mkdirSync(out, { recursive: true });
  const entries = readdirSync(out);
  if (entries.length > 0 && !entries.includes(MARKER_FILE)) {
    throw new Error(
      `Refusing to write a synthetic corpus into ${out}: the folder is not empty and has no ${MARKER_FILE}, ` +
        'so it was not written by this generator. Choose an empty or new folder.',
    );
  }
  for (const entry of entries) if (entry.toLowerCase().endsWith('.md')) rmSync(join(out, entry), { force: true });
  writeFileSync(
    join(out, MARKER_FILE),
    JSON.stringify({ generator: 'bench/synthetic-corpus.ts', notes: options.notes, seed: options.seed }, null, 2) + '\n',
  );
  let notes = 0;
  let bytes = 0;
  for (const note of generateCorpus(options)) {
    writeFileSync(join(out, note.fileName), note.text);
    notes++;
    bytes += utf8Length(note.text);
  }
  return { dir: out, notes, bytes };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      notes: { type: 'string', default: '2000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
    },
  });
  if (!values.out) {
    console.error('usage: node bench/synthetic-corpus.ts --notes N [--seed S] --out DIR');
    process.exit(2);
  }
  const started = performance.now();
  let result: WriteResult;
  try {
    result = writeCorpus(values.out, { notes: Number(values.notes), seed: Number(values.seed) });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Wrote ${result.notes} notes, ${(result.bytes / 1e6).toFixed(1)} MB, to ${result.dir} in ${seconds.toFixed(2)} s`,
  );
}

if (import.meta.main ?? process.argv[1] === fileURLToPath(import.meta.url)) main();

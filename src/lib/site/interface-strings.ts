// Bundled for the browser: imports nothing from node:*.
/**
 * The site's interface text in each language it ships (`SITE_LANGUAGE`): every label,
 * heading and message the pages and their scripts show, English and Japanese. Notes are
 * shown as written; only the text around them changes. Pages read the strings for the
 * build's language; scripts read those of the page's `<html lang>`.
 *
 * A text that holds figures or titles is a function of them, so each language builds its
 * own sentence (Japanese has no plural and another word order).
 */

export const SITE_LANGUAGES = ['en', 'ja'] as const;
export type SiteLanguage = (typeof SITE_LANGUAGES)[number];

export interface InterfaceStrings {
  /** `<html lang>`. */
  htmlLang: string;
  /** `og:locale`. */
  ogLocale: string;
  /** How figures are written (`toLocaleString`). */
  numberLocale: string;
  skipLink: string;
  siteNav: string;
  allNotes: string;
  glossary: string;
  feedTitle: (siteTitle: string) => string;
  darkTheme: string;
  search: {
    label: string;
    placeholder: string;
    results: string;
    noNotesMatch: (query: string) => string;
    resultCount: (total: number) => string;
    allResults: (total: number, query: string) => string;
    /** The header box's status line when it shows titles only (`lib/search/titles-only.ts`). */
    titleCount: (total: number) => string;
    /** The header box's last row when it shows titles only: it opens the search page. */
    searchFullText: (query: string) => string;
    unavailable: string;
    noNoteYet: string;
    pageTitle: string;
    allPages: string;
    notes: string;
    titlesWithoutNote: string;
    show: string;
    typeSomething: string;
    noPagesMatch: (query: string) => string;
    pagesMatch: (total: number, query: string, shown: number) => string;
    /** After the count, when no page holds a word of the query and a title's word near it was searched instead. */
    searchedInstead: (corrected: string) => string;
  };
  /** `moreMentions`: under a backlink whose note mentions the page more often than the lines shown. */
  backlinks: { none: string; heading: (count: number) => string; moreMentions: (count: number) => string };
  twoHop: { heading: string; alsoLinkingTo: string; showAll: (total: number, title: string) => string };
  outline: string;
  tags: string;
  /** The tooltip of a link to a title no note has that only this note links (`lib/links/single-mention-html.ts`). */
  mentionedOnlyHere: string;
  translatedFrom: (engine: string | undefined) => string;
  /** A note's dates under its title, each handed in as written for the language (`lib/site/date-text.ts`). */
  noteDates: { updated: (date: string) => string; created: (date: string) => string };
  graph: {
    nearbyHeading: string;
    depth: string;
    showInGlobal: string;
    around: (title: string) => string;
    nearbySummary: string;
    nearbyDrawn: (pages: number, links: number, depth: number) => string;
    failedNearby: string;
    noNoteYet: (title: string) => string;
    globalTitle: string;
    globalDescription: (notes: string, links: string) => string;
    globalSummary: (notes: string, links: string) => string;
    globalSummaryAllNotes: string;
    findNote: string;
    titlePlaceholder: string;
    find: string;
    showMissing: (count: string) => string;
    globalCanvas: (notes: string, links: string) => string;
    centred: string;
    notDrawn: string;
    noTitleContains: (query: string) => string;
    failedGlobal: string;
    /** The links under a graph, one per page drawn, for the keyboard and screen readers. */
    pagesInGraph: string;
    stepHint: string;
    /** The legend of /graph/: the named communities, largest first. */
    groupsHeading: string;
    groupsHint: string;
    groupNotes: (notes: string) => string;
    otherNotes: (notes: string) => string;
  };
  missing: {
    notice: (citing: number) => string;
    didYouMean: string;
    shared: (count: number) => string;
  };
  notFound: { title: string; text: string; searchLabel: string; searchButton: string; home: string };
  /**
   * A page's description (`<meta name="description">`, cards, link previews) where the page
   * has no text of its own: `lib/site/page-description.ts`. `notes` is the count and titles of
   * the notes that link to it, as `notes` below writes them.
   */
  describe: {
    emptyNote: string;
    emptyNoteLinkedFrom: (notes: string) => string;
    missing: (notes: string) => string;
    shared: (count: number) => string;
    /** `titles` joined with `listSeparator`. */
    notes: (count: number, titles: string) => string;
    listSeparator: string;
  };
  /** Around embedded notes and files (`lib/embeds/`). */
  embeds: {
    /** Before the link in an embedded note's caption. */
    embeddedFrom: string;
    /** Why a note embed is shown as a link (the link's tooltip). */
    notEmbedded: { cycle: string; depth: string; tooMuch: string; noSection: string };
    /** The placeholder of an image or file that is not there or cannot be shown. */
    unavailable: (name: string) => string;
  };
  home: {
    stats: (notes: number, missing: number, links: number) => string;
    guide: { before: string; glossary: string; middle: string; graph: string; after: string; issues: string };
    browse: string;
    mostLinked: string;
    mostCitedMissing: string;
    cited: (count: number) => string;
    recentlyChanged: string;
  };
  browse: {
    title: string;
    byInitial: (count: number) => string;
    navLabel: string;
    groupTitle: (label: string) => string;
    groupCount: (count: number) => string;
    noteCount: (count: number) => string;
  };
  glossaryPage: {
    description: string;
    intro: (notes: number, pages: number) => string;
    filter: string;
    filterPlaceholder: string;
    englishTitle: string;
    originalTitle: string;
    shown: (shown: number, total: number) => string;
  };
  issues: {
    title: string;
    description: string;
    intro: string;
    damagedLinks: string;
    nearTitles: string;
    unreadableFooters: string;
    noOriginal: string;
    noOriginalWhy: string;
    note: string;
    linkAsWritten: string;
    problem: string;
    brokenUrl: string;
    padded: string;
    nearIntro: string;
    linkedTitle: string;
    probablyMeant: string;
    linkedFrom: string;
  };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
/** A count with thousands separators (the same in English and Japanese). */
const number = (count: number) => count.toLocaleString('en');
/** Ends a sentence with `stop`, unless its last title already ends one (`Process be knowledge.`). */
const endSentence = (text: string, stop: string) => (/[.!?。！？]$/.test(text) ? text : `${text}${stop}`);
/** `plural` for large counts: `1,234 notes`. */
const counted = (count: number, one: string, many: string) => `${number(count)} ${count === 1 ? one : many}`;

const EN: InterfaceStrings = {
  htmlLang: 'en',
  ogLocale: 'en_US',
  numberLocale: 'en-US',
  skipLink: 'Skip to the text',
  siteNav: 'Site',
  allNotes: 'All notes',
  glossary: 'Glossary',
  feedTitle: (siteTitle) => `${siteTitle}: recently changed notes`,
  darkTheme: 'Dark theme',
  search: {
    label: 'Search notes',
    placeholder: 'Search notes…',
    results: 'Search results',
    noNotesMatch: (query) => `No notes match “${query}”.`,
    resultCount: (total) => plural(total, 'result', 'results'),
    allResults: (total, query) => `All ${total} results for “${query}”`,
    titleCount: (total) => (total === 1 ? '1 title holds it.' : `${number(total)} titles hold it.`),
    searchFullText: (query) => `Search the full text for “${query}”`,
    unavailable: 'Search is not available on this build (run `npm run build`).',
    noNoteYet: 'no note yet',
    pageTitle: 'Search',
    allPages: 'All pages',
    notes: 'Notes',
    titlesWithoutNote: 'Titles without a note',
    show: 'Show',
    typeSomething: 'Type a word or a title, in English or Japanese.',
    noPagesMatch: (query) => `No pages match “${query}”.`,
    pagesMatch: (total, query, shown) =>
      `${total} ${total === 1 ? 'page matches' : 'pages match'} “${query}”` + (total > shown ? `; the first ${shown} are shown.` : '.'),
    searchedInstead: (corrected) => `No page holds a word as typed: shown are the results for “${corrected}”.`,
  },
  backlinks: {
    none: 'No notes link here',
    heading: (count) => `Linked from ${plural(count, 'note', 'notes')}`,
    moreMentions: (count) => `and ${counted(count, 'more mention', 'more mentions')}`,
  },
  twoHop: {
    heading: 'Related through shared links',
    alsoLinkingTo: 'Also linking to ',
    showAll: (total, title) => `Show all ${total} notes that link to ${title}`,
  },
  outline: 'On this page',
  tags: 'Tags',
  mentionedOnlyHere: 'Mentioned only here: no note has this title, and no other note links it yet',
  translatedFrom: (engine) => `Translated from Japanese${engine ? ` (${engine})` : ''}:`,
  noteDates: { updated: (date) => `Updated ${date}`, created: (date) => `first written ${date}` },
  graph: {
    nearbyHeading: 'Graph of nearby pages',
    depth: 'Depth',
    showInGlobal: 'Show in the graph of all notes',
    around: (title) => `Graph of the pages around ${title}`,
    nearbySummary: 'Drawing the links and backlinks of this page and of its neighbours…',
    nearbyDrawn: (pages, links, depth) =>
      `${plural(pages, 'page', 'pages')} and ${plural(links, 'link', 'links')} within ${plural(depth, 'link', 'links')} of this page; the lists above name them.`,
    failedNearby: 'The graph could not be drawn; the lists above name the linked pages.',
    noNoteYet: (title) => `${title} (no note yet)`,
    globalTitle: 'Graph of all notes',
    globalDescription: (notes, links) => `${notes} notes and the ${links} links between them, as a graph.`,
    globalSummary: (notes, links) =>
      `${notes} notes and ${links} links between them. Hover a dot for its title, click it to open the note; scroll to zoom, drag to move.`,
    globalSummaryAllNotes: 'lists them by title.',
    findNote: 'Find a note',
    titlePlaceholder: 'Title',
    find: 'Find',
    showMissing: (count) => `Show the ${count} missing-link pages`,
    globalCanvas: (notes, links) => `Graph of ${notes} notes and ${links} links`,
    centred: 'Centred: ',
    notDrawn: 'Not drawn (a missing-link page): ',
    noTitleContains: (query) => `No note title contains “${query}”.`,
    failedGlobal: 'The graph could not be drawn. All notes lists every note by title.',
    pagesInGraph: 'Pages in this graph',
    stepHint: 'Tab to the list, step through the pages with the arrow keys (the graph marks each), Enter opens one.',
    groupsHeading: 'Groups of closely linked notes',
    groupsHint:
      'Each colour is a group of notes that link to each other, or cite the same missing titles, more than to the rest; a group is named by its best-linked notes. Tab to the list and step with the arrow keys to centre each note on the graph; Enter opens it.',
    groupNotes: (notes) => `${notes} notes`,
    otherNotes: (notes) => `Grey: ${notes} notes in smaller groups or linked to nothing`,
  },
  missing: {
    notice: (citing) =>
      `There is no note with this title yet. ${citing === 1 ? '1 note links' : `${citing} notes link`} to it: the links below gather everything said about it.`,
    didYouMean: 'Did you mean',
    shared: (count) =>
      `${count} notes have this title (titles match ignoring case, "_" versus space and Unicode form). Links to it lead here; pick the one you mean:`,
  },
  describe: {
    emptyNote: 'An empty note.',
    emptyNoteLinkedFrom: (notes) => `An empty note, linked from ${notes}`,
    missing: (notes) => `No note has this title yet. Cited by ${notes}`,
    shared: (count) => `${count} notes have this title; this page lists them.`,
    notes: (count, titles) => endSentence(`${plural(count, 'note', 'notes')}: ${titles}`, '.'),
    listSeparator: ', ',
  },
  notFound: {
    title: 'Page not found',
    text: 'There is no page at this address. Every note and every title that two notes link to has a page, so the note you are looking for may have another title, or be mentioned in one note only: search finds it by its title.',
    searchLabel: 'Search the notes',
    searchButton: 'Search',
    home: 'Home',
  },
  embeds: {
    embeddedFrom: 'Embedded from',
    notEmbedded: {
      cycle: 'Not embedded again: this page already shows this note',
      depth: 'Not embedded: embeds nest at most 3 deep',
      tooMuch: 'Not embedded: this page already shows as much embedded text as it can',
      noSection: 'Not embedded: the note has no such section',
    },
    unavailable: (name) => `Image or file not available: ${name}`,
  },
  home: {
    stats: (notes, missing, links) =>
      `${counted(notes, 'note', 'notes')} and ${counted(missing, 'title that has', 'titles that have')} no note yet, joined by ${counted(links, 'link', 'links')}. Every link leads somewhere: a title without a note has a page that gathers the notes that mention it.`,
    guide: {
      before: 'The ',
      glossary: 'glossary',
      middle: ' lists every note with the Japanese page it translates; the ',
      graph: 'graph of all notes',
      after: ' shows how they link. For writers: ',
      issues: 'translation issues',
    },
    browse: 'Browse all notes',
    mostLinked: 'Most linked notes',
    mostCitedMissing: 'Most cited titles without a note',
    cited: (count) => `${count} ${count === 1 ? 'link' : 'links'}`,
    recentlyChanged: 'Recently changed',
  },
  browse: {
    title: 'All notes',
    byInitial: (count) => `${count} notes, listed by initial. Pick a letter:`,
    navLabel: 'Notes by initial',
    groupTitle: (label) => `Notes: ${label}`,
    groupCount: (count) => `${count} notes`,
    noteCount: (count) => `${count} notes.`,
  },
  glossaryPage: {
    description: 'Every translated note: English title and Japanese original title.',
    intro: (notes, pages) =>
      `${notes} translated notes and the ${pages} Japanese pages they were translated from (a note made of several pages has a row for each). Click a column heading to sort by it; type to filter.`,
    filter: 'Filter',
    filterPlaceholder: 'English or 日本語',
    englishTitle: 'English title',
    originalTitle: 'Japanese original',
    shown: (shown, total) => `${shown} of ${total} shown`,
  },
  issues: {
    title: 'Translation issues',
    description: 'Links and footers that machine translation damaged, for the writers.',
    intro: 'What the machine translation left broken, for the writers to fix. The same counts are printed at the end of every build.',
    damagedLinks: 'Damaged links',
    nearTitles: "Missing titles that are almost a note's title",
    unreadableFooters: 'Footers that could not be read',
    noOriginal: 'Notes that name no original',
    noOriginalWhy: ' (English originals, or a footer is missing)',
    note: 'Note',
    linkAsWritten: 'Link as written',
    problem: 'Problem',
    brokenUrl: 'a URL broken by a space (https ://)',
    padded: 'spaces at the start or end of the link text',
    nearIntro: "These titles have no note, but a note's title differs only by a plural ending or a final full stop: the links probably mean that note.",
    linkedTitle: 'Linked title',
    probablyMeant: 'Probably meant',
    linkedFrom: 'Linked from',
  },
};

const JA: InterfaceStrings = {
  htmlLang: 'ja',
  ogLocale: 'ja_JP',
  numberLocale: 'ja-JP',
  skipLink: '本文へ移動',
  siteNav: 'サイト',
  allNotes: 'すべてのノート',
  glossary: '用語集',
  feedTitle: (siteTitle) => `${siteTitle}: 最近更新されたノート`,
  darkTheme: 'ダークテーマ',
  search: {
    label: 'ノートを検索',
    placeholder: 'ノートを検索…',
    results: '検索結果',
    noNotesMatch: (query) => `「${query}」に一致するノートはありません。`,
    resultCount: (total) => `${total} 件`,
    allResults: (total, query) => `「${query}」の検索結果 ${total} 件をすべて表示`,
    titleCount: (total) => `タイトルに一致: ${total} 件`,
    searchFullText: (query) => `「${query}」を本文から検索`,
    unavailable: 'このビルドでは検索を使えません（`npm run build` を実行してください）。',
    noNoteYet: 'ノート未作成',
    pageTitle: '検索',
    allPages: 'すべてのページ',
    notes: 'ノート',
    titlesWithoutNote: 'ノートのないタイトル',
    show: '表示',
    typeSomething: '単語かタイトルを入力してください（日本語でも英語でも）。',
    noPagesMatch: (query) => `「${query}」に一致するページはありません。`,
    pagesMatch: (total, query, shown) => `「${query}」に一致するページ: ${total} 件` + (total > shown ? `（最初の ${shown} 件を表示）。` : '。'),
    searchedInstead: (corrected) => `入力どおりの語を含むページがないため、「${corrected}」の結果を表示しています。`,
  },
  backlinks: {
    none: 'このページへのリンクはありません',
    heading: (count) => `${count} 件のノートからリンク`,
    moreMentions: (count) => `ほかに ${number(count)} か所で言及`,
  },
  twoHop: {
    heading: '共通のリンクでつながるノート',
    alsoLinkingTo: '同じくリンクしている先: ',
    showAll: (total, title) => `${title} にリンクしている ${total} 件のノートをすべて表示`,
  },
  outline: 'このページの見出し',
  tags: 'タグ',
  mentionedOnlyHere: 'ここでだけ言及: このタイトルのノートはなく、ほかにリンクしているノートもまだありません',
  translatedFrom: (engine) => `日本語からの翻訳${engine ? `（${engine}）` : ''}:`,
  noteDates: { updated: (date) => `更新日: ${date}`, created: (date) => `作成日: ${date}` },
  graph: {
    nearbyHeading: '近くのページのグラフ',
    depth: '深さ',
    showInGlobal: '全ノートのグラフで見る',
    around: (title) => `${title} の周りのページのグラフ`,
    nearbySummary: 'このページと隣接するページのリンクとバックリンクを描いています…',
    nearbyDrawn: (pages, links, depth) => `このページから ${depth} リンク以内の ${pages} ページと ${links} 本のリンク。上の一覧にも載っています。`,
    failedNearby: 'グラフを描けませんでした。リンク先は上の一覧にあります。',
    noNoteYet: (title) => `${title}（ノート未作成）`,
    globalTitle: '全ノートのグラフ',
    globalDescription: (notes, links) => `${notes} 件のノートと、その間の ${links} 本のリンクのグラフ。`,
    globalSummary: (notes, links) =>
      `${notes} 件のノートと、その間の ${links} 本のリンク。点にカーソルを合わせるとタイトル、クリックでノートを開きます。スクロールで拡大縮小、ドラッグで移動。`,
    globalSummaryAllNotes: 'はタイトル順の一覧です。',
    findNote: 'ノートを探す',
    titlePlaceholder: 'タイトル',
    find: '探す',
    showMissing: (count) => `ノートのないタイトル ${count} 件も表示`,
    globalCanvas: (notes, links) => `${notes} 件のノートと ${links} 本のリンクのグラフ`,
    centred: '中央に表示: ',
    notDrawn: '描かれていません（ノートのないタイトル）: ',
    noTitleContains: (query) => `「${query}」を含むタイトルのノートはありません。`,
    failedGlobal: 'グラフを描けませんでした。「すべてのノート」にタイトル順の一覧があります。',
    pagesInGraph: 'このグラフのページ',
    stepHint: 'Tab キーで一覧に移り、矢印キーでページを順にたどります（グラフ上でも示します）。Enter で開きます。',
    groupsHeading: '密にリンクしあうノートのまとまり',
    groupsHint:
      '色ごとに、互いにリンクしあう（または同じノートのないタイトルにリンクする）ノートのまとまりを示します。まとまりの名前は、その中で最もリンクの多いノートです。Tab キーで一覧に移り、矢印キーでたどると各ノートをグラフの中央に表示し、Enter で開きます。',
    groupNotes: (notes) => `${notes} 件のノート`,
    otherNotes: (notes) => `灰色: 小さなまとまり、またはどこにもリンクしていない ${notes} 件のノート`,
  },
  missing: {
    notice: (citing) => `このタイトルのノートはまだありません。${citing} 件のノートがリンクしています。下のリンクに、このタイトルについて書かれたことが集まっています。`,
    didYouMean: 'もしかして',
    shared: (count) => `${count} 件のノートがこのタイトルです（大文字・小文字、「_」と空白、Unicode の正規化の違いは同じとみなします）。リンクはここに来ます。目当てのノートを選んでください:`,
  },
  describe: {
    emptyNote: '空のノートです。',
    emptyNoteLinkedFrom: (notes) => `空のノートです。リンク元: ${notes}`,
    missing: (notes) => `このタイトルのノートはまだありません。リンク元: ${notes}`,
    shared: (count) => `${count} 件のノートがこのタイトルです。このページはその一覧です。`,
    notes: (count, titles) => `${count} 件のノート（${titles}）。`,
    listSeparator: '、',
  },
  notFound: {
    title: 'ページが見つかりません',
    text: 'このアドレスにはページがありません。ノートと、二つ以上のノートからリンクされたタイトルにはすべてページがあるので、探しているノートは別のタイトルか、一つのノートでだけ言及されているのかもしれません。検索でタイトルから見つかります。',
    searchLabel: 'ノートを検索',
    searchButton: '検索',
    home: 'ホーム',
  },
  embeds: {
    embeddedFrom: '埋め込み元:',
    notEmbedded: {
      cycle: 'このページにすでに表示されているノートなので埋め込みません',
      depth: '埋め込みは3段までです',
      tooMuch: 'このページに埋め込める量を超えたので埋め込みません',
      noSection: 'ノートにその見出しがないので埋め込みません',
    },
    unavailable: (name) => `画像またはファイルを表示できません: ${name}`,
  },
  home: {
    stats: (notes, missing, links) =>
      `${number(notes)} 件のノートと、まだノートのない ${number(missing)} 件のタイトルが、${number(links)} 本のリンクでつながっています。どのリンクにも行き先があります。ノートのないタイトルには、それに触れたノートを集めたページがあります。`,
    guide: {
      before: '',
      glossary: '用語集',
      middle: 'には、翻訳されたノートと元の日本語ページの一覧があります。',
      graph: '全ノートのグラフ',
      after: 'では、つながりを見られます。書き手向け: ',
      issues: '翻訳の問題',
    },
    browse: 'すべてのノートを見る',
    mostLinked: 'よくリンクされるノート',
    mostCitedMissing: 'よく言及される、ノートのないタイトル',
    cited: (count) => `${count} リンク`,
    recentlyChanged: '最近の更新',
  },
  browse: {
    title: 'すべてのノート',
    byInitial: (count) => `${count} 件のノートを頭文字ごとに並べています。文字を選んでください:`,
    navLabel: '頭文字ごとのノート',
    groupTitle: (label) => `ノート: ${label}`,
    groupCount: (count) => `${count} 件のノート`,
    noteCount: (count) => `${count} 件のノート。`,
  },
  glossaryPage: {
    description: '翻訳されたすべてのノート: 英語のタイトルと日本語の元のタイトル。',
    intro: (notes, pages) =>
      `翻訳された ${notes} 件のノートと、その元になった日本語ページ ${pages} 件（複数のページからなるノートは各ページに 1 行）。列見出しをクリックで並べ替え、入力で絞り込み。`,
    filter: '絞り込み',
    filterPlaceholder: '英語または日本語',
    englishTitle: '英語のタイトル',
    originalTitle: '日本語の元のタイトル',
    shown: (shown, total) => `${total} 件中 ${shown} 件を表示`,
  },
  issues: {
    title: '翻訳の問題',
    description: '機械翻訳で壊れたリンクとフッター（書き手向け）。',
    intro: '機械翻訳で壊れたところの一覧です。書き手が直すためのもので、同じ件数がビルドの最後にも表示されます。',
    damagedLinks: '壊れたリンク',
    nearTitles: 'ノートのタイトルとほぼ同じ、ノートのないタイトル',
    unreadableFooters: '読めなかったフッター',
    noOriginal: '元のページを示さないノート',
    noOriginalWhy: '（英語で書かれたノート、またはフッターがないもの）',
    note: 'ノート',
    linkAsWritten: '書かれたリンク',
    problem: '問題',
    brokenUrl: '空白で壊れた URL（https ://）',
    padded: 'リンクの文字列の前後に空白',
    nearIntro: 'これらのタイトルにはノートがありませんが、複数形の語尾か末尾の句点だけが違うタイトルのノートがあります。リンクはおそらくそのノートを指しています。',
    linkedTitle: 'リンクされたタイトル',
    probablyMeant: 'おそらく意図したノート',
    linkedFrom: 'リンク元',
  },
};

const STRINGS: Record<SiteLanguage, InterfaceStrings> = { en: EN, ja: JA };

/** The strings of a language; any `lang` that is not one of ours (`ja-JP` is ours) gets English. */
export function interfaceStrings(language: string | undefined): InterfaceStrings {
  const primary = (language ?? '').toLowerCase().split('-')[0];
  return SITE_LANGUAGES.includes(primary as SiteLanguage) ? STRINGS[primary as SiteLanguage] : EN;
}

import { describe, expect, test } from 'vitest';
import { buildTitleIndex } from '../../../src/lib/titles/title-index.ts';
import { headingId, resolveWikiLink } from '../../../src/lib/links/wiki-links.ts';

const CYBOZU = 'The easiest way to explain plurality, including company case studies | The Cybozu Method';

const index = buildTitleIndex([
  { title: 'Task Management', filePath: 'Task Management.md' },
  { title: 'tf-idf', filePath: 'tf-idf.md' },
  { title: 'Caf\u00e9', filePath: 'Cafe.md' },
  { title: 'Social Hack Day #57', filePath: 'Social Hack Day #57.md' },
  { title: 'ScrapboxSQUARE#2', filePath: 'ScrapboxSQUARE#2.md' },
  { title: '#Generation Z values', filePath: '#Generation Z values.md' },
  { title: 'lexical link', filePath: 'lexical link.md' },
  { title: CYBOZU, filePath: 'Cybozu.md' },
  { title: 'Layout', filePath: 'layout.md' },
  { title: 'Welcome to Quartz', filePath: 'index.md' },
  { title: 'LaTeX', filePath: 'features/Latex.md' },
  { title: 'Start/expand/connect', filePath: 'Start-expand-connect.md' },
  { title: '知的生産術', filePath: '知的生産術.md' },
  { title: '..', filePath: 'dots.md' },
  { title: 'x|y', filePath: 'x pipe y.md' },
  { title: 'Also available in black.', filePath: 'Also available in black..md' },
  { title: '"Quoted" phrase (with a note)', filePath: 'Quoted.md' },
  { title: "'Somebody's' idea of a title.\"", filePath: 'Somebody.md' },
  { title: '(Parenthesised) start', filePath: 'Parenthesised.md' },
  { title: '&Co', filePath: 'Co.md' },
  { title: '@babel/preset-react', filePath: '@babel/preset-react.md' },
]);

describe('resolveWikiLink to an existing note', () => {
  test.each([
    ['[[task management]]', 'task management', 'Task Management', 'task management'],
    ['[[Task_Management]] ("_" is a space)', 'Task_Management', 'Task Management', 'Task_Management'],
    ['[[TF-IDF]] (case ignored)', 'TF-IDF', 'tf-idf', 'TF-IDF'],
    ['an NFD spelling', 'Cafe\u0301', 'Caf\u00e9', 'Caf\u00e9'],
    ['[[Social Hack Day #57]] whole, before any heading split', 'Social Hack Day #57', 'Social Hack Day #57', 'Social Hack Day #57'],
    ['[[ScrapboxSQUARE#2]] whole, before any heading split', 'ScrapboxSQUARE#2', 'ScrapboxSQUARE#2', 'ScrapboxSQUARE#2'],
    ['[[#Generation Z values]] as a title, not a same-page heading', '#Generation Z values', '#Generation Z values', '#Generation Z values'],
    ['a Scrapbox line anchor to the page', 'lexical link#61c4202842774800007bdaa3', 'lexical link', 'lexical link'],
    ['a line anchor after a title with "#"', 'Social Hack Day #57#61c4202842774800007bdaa3', 'Social Hack Day #57', 'Social Hack Day #57'],
    ['a Scrapbox title with " | " whole', CYBOZU, CYBOZU, CYBOZU],
    ['a Scrapbox title with " | " escaped in a table cell', CYBOZU.replace('|', '\\|'), CYBOZU, CYBOZU],
    ['a title containing "|" before an alias reading', 'x|y', 'x|y', 'x|y'],
    ['spaces at the ends', '  Task Management ', 'Task Management', 'Task Management'],
    ['runs of spaces inside', 'Task    Management', 'Task Management', 'Task Management'],
    ['a title with "/" as one title', 'Start/expand/connect', 'Start/expand/connect', 'Start/expand/connect'],
    ['a trailing "."', 'Also available in black.', 'Also available in black.', 'Also available in black.'],
    ['a title starting with a double quote', '"Quoted" phrase (with a note)', '"Quoted" phrase (with a note)', '"Quoted" phrase (with a note)'],
    ['a title starting with a single quote', "'somebody's' idea of a title.\"", "'Somebody's' idea of a title.\"", "'somebody's' idea of a title.\""],
    ['a title starting with "("', '(parenthesised) start', '(Parenthesised) start', '(parenthesised) start'],
    ['a title starting with "&"', '&co', '&Co', '&co'],
    ['a Japanese title', '知的生産術', '知的生産術', '知的生産術'],
    ['an Obsidian alias [[a|b]]', 'layout|The layout page', 'Layout', 'The layout page'],
    ['an Obsidian alias escaped in a table cell', 'layout\\|The layout page', 'Layout', 'The layout page'],
    ['an alias with an empty label (the target is shown)', 'layout|', 'Layout', 'layout'],
    ['a file path with an alias', 'features/Latex|Latex', 'LaTeX', 'Latex'],
    ['a file path as a name', 'features/Latex', 'LaTeX', 'features/Latex'],
    ['a path in a subfolder (mitsuoka)', '@babel/preset-react', '@babel/preset-react', '@babel/preset-react'],
  ])('resolves %s', (_why, text, title, label) => {
    const link = resolveWikiLink(text, index);
    expect(link).toMatchObject({ kind: 'note', note: { title }, label });
    expect(link.kind === 'note' && link.headingId).toBeFalsy();
  });

  test.each([
    ['[[Page#Heading]]', 'layout#Some Heading', 'Layout', 'some-heading', 'layout#Some Heading'],
    ['an emoji heading with an alias', 'index#🪴 Get Started|Get started', 'Welcome to Quartz', '-get-started', 'Get started'],
    ['a heading with spaces around "#"', 'Layout # Options ', 'Layout', 'options', 'Layout # Options'],
    ['a path with a heading', 'features/Latex#Syntax', 'LaTeX', 'syntax', 'features/Latex#Syntax'],
    ['a page with an empty heading', 'layout#', 'Layout', undefined, 'layout#'],
  ])('resolves %s to the note and heading id', (_why, text, title, id, label) => {
    const link = resolveWikiLink(text, index);
    expect(link).toMatchObject({ kind: 'note', note: { title }, label });
    if (link.kind !== 'note') throw new Error('expected a note');
    expect(link.headingId).toBe(id);
  });
});

describe('resolveWikiLink to a heading on the same page', () => {
  const headingIdsOnPage = new Set(['customization', '-get-started']);

  test.each([
    ['#Customization', 'customization', '#Customization'],
    ['#🪴 Get Started', '-get-started', '#🪴 Get Started'],
    ['#Customization|see below', 'customization', 'see below'],
    ['  #Customization  ', 'customization', '#Customization'],
    ['#customization', 'customization', '#customization'],
  ])('resolves [[%s]] to #%s when the note has that heading', (text, id, label) => {
    expect(resolveWikiLink(text, index, headingIdsOnPage)).toEqual({ kind: 'same-page-heading', headingId: id, label });
  });

  test.each([
    ['#EasyVotingGuide', '#EasyVotingGuide', '＃easyvotingguide'],
    ['#Some hashtag title', '#Some hashtag title', '＃some_hashtag_title'],
    ['#Customization', '#Customization', '＃customization'],
  ])('resolves [[%s]] to the missing Scrapbox title %j when the note has no such heading', (text, title, slug) => {
    expect(resolveWikiLink(text, index, new Set(['other-heading']))).toMatchObject({
      kind: 'missing',
      title,
      slug,
      label: title,
    });
    expect(resolveWikiLink(text, index)).toMatchObject({ kind: 'missing', title });
  });

  test('prefers a note titled "#…" over a heading of the same text', () => {
    const link = resolveWikiLink('#Generation Z values', index, new Set(['generation-z-values']));
    expect(link).toMatchObject({ kind: 'note', note: { title: '#Generation Z values' } });
  });
});

describe('resolveWikiLink to a missing page', () => {
  test.each([
    ['an unknown title', 'connection', 'connection', 'connection', 'connection'],
    ['a missing title, case kept as written', 'Task Management Tools', 'Task Management Tools', 'task_management_tools', 'Task Management Tools'],
    ['a line anchor, dropped', 'lexical graph#61c4202842774800007bdaa3', 'lexical graph', 'lexical_graph', 'lexical graph'],
    ['a title with "#" kept whole', 'Social Hack Day #58', 'Social Hack Day #58', 'social_hack_day_＃58', 'Social Hack Day #58'],
    ['[[Page#Heading]] on a missing page', 'Missing#Heading', 'Missing#Heading', 'missing＃heading', 'Missing#Heading'],
    ['a web-page title with " | "', 'Some web page | Site Name', 'Some web page | Site Name', 'some_web_page_|_site_name', 'Some web page | Site Name'],
    ['a " |" title with a space only before the pipe', 'Some page |Site', 'Some page |Site', 'some_page_|site', 'Some page |Site'],
    ['an Obsidian alias: the target names the page', 'missing target|shown text', 'missing target', 'missing_target', 'shown text'],
    ['an escaped Obsidian alias in a table', 'missing target\\|shown text', 'missing target', 'missing_target', 'shown text'],
    ['spaces at the ends', ' NeurIPS Proceedings https ://papers.nips.cc ', 'NeurIPS Proceedings https ://papers.nips.cc', 'neurips_proceedings_https_:', 'NeurIPS Proceedings https ://papers.nips.cc'],
    ['a Japanese title', '知的生産術の技法', '知的生産術の技法', '知的生産術の技法', '知的生産術の技法'],
    ['an NFD title, stored NFC', 'Cafe\u0301 society', 'Caf\u00e9 society', 'café_society', 'Caf\u00e9 society'],
    ['a trailing "."', 'Also available in white.', 'Also available in white.', 'also_available_in_white.', 'Also available in white.'],
    ['a question', 'Have you read it?', 'Have you read it?', 'have_you_read_it？', 'Have you read it?'],
    ['a quartz block reference', 'Path to file#^b15695', 'Path to file#^b15695', 'path_to_file＃^b15695', 'Path to file#^b15695'],
  ])('resolves %s', (_why, text, title, slug, label) => {
    const link = resolveWikiLink(text, index);
    expect(link).toMatchObject({ kind: 'missing', title, label });
    if (link.kind !== 'missing') throw new Error('expected a missing page');
    expect(link.slug.split('/')[0]).toBe(slug);
  });

  test('gives a missing page the key and slug of its title', () => {
    expect(resolveWikiLink('Task_Management Tools', index)).toEqual({
      kind: 'missing',
      key: 'task management tools',
      title: 'Task_Management Tools',
      slug: 'task_management_tools',
      label: 'Task_Management Tools',
    });
  });

  test.each([
    ['Task management tools', 'TASK_MANAGEMENT_TOOLS'],
    ['Cafe\u0301 society', 'caf\u00e9 society'],
    ['lexical graph#61c4202842774800007bdaa3', 'Lexical Graph'],
  ])('sends every spelling of a missing title to one page: %j and %j', (a, b) => {
    const first = resolveWikiLink(a, index);
    const second = resolveWikiLink(b, index);
    if (first.kind !== 'missing' || second.kind !== 'missing') throw new Error('expected missing pages');
    expect(first.slug).toBe(second.slug);
    expect(first.key).toBe(second.key);
  });
});

describe('headingId', () => {
  test.each([
    ['Some Heading', 'some-heading'],
    ['Customization', 'customization'],
    ['🪴 Get Started', '-get-started'],
    ['Hello, World!', 'hello-world'],
    ['C++ & Rust', 'c--rust'],
    ['日本語の見出し', '日本語の見出し'],
    // The page's own ids and the footnotes' heading are taken: the heading gets the next.
    ['Main', 'main-1'],
    ['site search input', 'site-search-input-1'],
    ['Outline heading', 'outline-heading-1'],
    ['Footnote label', 'footnote-label-1'],
  ])('makes the id of heading %j %j', (heading, id) => {
    expect(headingId(heading)).toBe(id);
  });

  test('gives the same id on every call (the first heading of that text)', () => {
    expect(headingId('Repeat')).toBe('repeat');
    expect(headingId('Repeat')).toBe('repeat');
  });
});

describe('resolveWikiLink to a title several notes share', () => {
  const shared = buildTitleIndex([
    { title: 'LaTeX', filePath: 'features/Latex.md' },
    { title: 'Latex', filePath: 'plugins/Latex.md' },
    { title: 'Other', filePath: 'other.md' },
  ]);
  test.each([
    ['the title', 'latex', 'latex'],
    ['the title with a line anchor', 'LaTeX#61c4202842774800007bdaa3', 'LaTeX'],
    ['an alias', 'Latex|the maths plugin', 'the maths plugin'],
    ['a heading of the title', 'LaTeX#Syntax', 'LaTeX#Syntax'],
  ])('goes to the listing page for %s', (_why, text, label) => {
    expect(resolveWikiLink(text, shared)).toEqual({ kind: 'ambiguous', key: 'latex', title: 'LaTeX', slug: 'latex', label });
  });
  test('a file path still reaches its own note', () => {
    const link = resolveWikiLink('plugins/Latex', shared);
    expect(link).toMatchObject({ kind: 'note', note: { filePath: 'plugins/Latex.md' } });
    expect(link.kind === 'note' && link.note.slug).toMatch(/^latex~[a-z2-7]{26}$/);
  });
});

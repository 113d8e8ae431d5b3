import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { pathToFileURL } from 'node:url';
import type { VFile } from 'vfile';
import { beforeAll, describe, expect, test } from 'vitest';
import { remarkUnclosedFence, UNCLOSED_FENCE_RULE } from '../../../src/lib/markdown/remark-unclosed-fence.ts';

interface Reported {
  line: number | undefined;
  ruleId: string | undefined;
  reason: string;
}

let problemsOf: (markdown: string) => Promise<Reported[]>;
beforeAll(async () => {
  const reportedByPath = new Map<string, Reported[]>();
  const processor = await createMarkdownProcessor({
    gfm: true,
    smartypants: false,
    remarkPlugins: [
      remarkUnclosedFence,
      () => (_tree: unknown, file: VFile) => {
        reportedByPath.set(
          file.path,
          file.messages.map((message) => ({ line: message.line, ruleId: message.ruleId, reason: message.reason })),
        );
      },
    ],
  });
  let n = 0;
  problemsOf = async (markdown) => {
    const fileURL = pathToFileURL(`/fence-${++n}.md`);
    await processor.render(markdown, { fileURL });
    return reportedByPath.get(fileURL.pathname) ?? [];
  };
});

describe('remarkUnclosedFence', () => {
  test.each([
    ['a fence never closed', 'text\n\n```js\ncode [[link]]\nmore text', 3, '```'],
    ['a fence opened on the last line', 'text\n\n```', 3, '```'],
    ['a tilde fence never closed', '~~~\ncode', 1, '~~~'],
    ['a 4-backtick fence "closed" by 3 backticks', '````\ncode\n```', 1, '````'],
    ['a tilde fence "closed" by backticks', '~~~\ncode\n```', 1, '~~~'],
    ['a fence never closed inside a blockquote', '> ```\n> code', 1, '```'],
    ['a fence never closed after a closed one', '```\na\n```\n\ntext\n\n```\nb', 7, '```'],
  ])('reports %s at the line of the opening fence', async (_what, markdown, line, fence) => {
    const problems = await problemsOf(markdown);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line, ruleId: UNCLOSED_FENCE_RULE });
    expect(problems[0]?.reason).toContain(`the code fence ${fence} opened here is never closed`);
    expect(problems[0]?.reason).toContain(`add a closing ${fence} line`);
  });

  test.each([
    ['a closed fence at the end', '```\ncode\n```'],
    ['a closed fence followed by blank lines', '```\ncode\n```\n\n\n'],
    ['a closed fence followed by text', 'a\n\n```\nx\n```\n\nafter'],
    ['a fence closed by a longer fence', '```\ncode\n`````'],
    ['a closed fence with an info string', '```ts\nconst a = 1;\n```'],
    ['a closed tilde fence', '~~~\ncode\n~~~'],
    ['CRLF line ends', '```\r\ncode\r\n```\r\n'],
    ['trailing spaces after the closing fence', '```\ncode\n```   '],
    ['a closed fence in a list item', '- ```\n  code\n  ```'],
    ['a closed fence in a blockquote', '> ```\n> code\n> ```'],
    ['no code at all', 'Just [[links]] and `inline code`.'],
  ])('reports nothing for %s', async (_what, markdown) => {
    expect(await problemsOf(markdown)).toEqual([]);
  });
});

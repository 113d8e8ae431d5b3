/**
 * Remark plugin that turns off the two CommonMark block constructs that misread notes
 * exported line by line from Scrapbox, using micromark's own `disable` mechanism:
 *
 * - indented code (four spaces): Scrapbox exports indent nested list items four spaces a
 *   level, and such a line after a blank line would become a code block, its text shown
 *   raw and its `[[links]]` lost. Code in these notes is always fenced (```).
 * - HTML blocks: a line holding only a Scrapbox icon (`<img … alt='nishio.icon'>`) would
 *   start an HTML block that swallows every following line up to a blank line, again
 *   showing Markdown and `[[links]]` raw. Without HTML blocks the tag is inline HTML in a
 *   paragraph and is still rendered as HTML.
 */
import type { Processor } from 'unified';

export function remarkLineBasedBlocks(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ disable: { null: ['codeIndented', 'htmlFlow'] } });
}

/** When a note last changed, for the feed and the sitemap. */

/** Frontmatter fields read as the note's date, the first valid one winning. */
export const DATE_FIELDS = ['updated', 'lastmod', 'modified', 'date', 'created'] as const;

/**
 * The note's date: the first of `DATE_FIELDS` that holds a valid date (YAML dates arrive as
 * `Date`, quoted ones as text), else the file's modification time.
 */
export function noteDate(frontmatter: Record<string, unknown>, fileModified: Date): Date {
  for (const field of DATE_FIELDS) {
    const value = frontmatter[field];
    const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
    if (date && !Number.isNaN(date.getTime())) return date;
  }
  return fileModified;
}

/** Site-wide settings, read from the environment at build time. */
export const SITE_TITLE = process.env.SITE_TITLE || 'Wiki Notes';
export const SITE_DESCRIPTION =
  process.env.SITE_DESCRIPTION ||
  'Notes auto-translated from a Japanese wiki into English, linked to each other as in the original.';

interface ImportMetaEnv {
  /** The build's cache folder for the content folder being built (astro.config.mjs). */
  readonly CONTENT_CACHE_DIR: string;
}

interface ImportMetaEnv {
  /** The build's cache folder for the content folder being built (astro.config.mjs). */
  readonly CONTENT_CACHE_DIR: string;
}
interface ImportMetaEnv {
  /** TRUSTED_HTML=1 at build time (astro.config.mjs). */
  readonly TRUSTED_HTML: boolean;
}

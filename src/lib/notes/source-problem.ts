/** A problem found in one note file: the build prints it as `file:line: message` (`loaders/build-report.ts`). Shared by every step that reads a note. */
export interface SourceProblem {
  filePath: string;
  /** 1-based line in the file, where known. */
  line?: number | undefined;
  message: string;
}

/**
 * The shape of one `penholder` CLI command. Each command lives in its own file and is listed
 * in the table in main.ts; commands never call process.exit — they return the exit code.
 */

/** Where a command writes and reads; injectable so commands can be tested in-process. */
export interface CliIO {
  stdout(text: string): void;
  /** Binary standard output (e.g. a DOCX piped to a file); absent where only text can be written. */
  stdoutBytes?(bytes: Uint8Array): void;
  stderr(text: string): void;
  /** The whole of standard input, decoded as UTF-8. */
  readStdin(): Promise<string>;
}

export interface CliCommand {
  name: string;
  /** One line for `penholder --help`. */
  summary: string;
  /** Usage text for `penholder <name> --help`. */
  usage: string;
  run(args: readonly string[], io: CliIO): Promise<number>;
}

/** Exit codes shared by all commands. */
export const EXIT = {
  ok: 0,
  /** The command ran but refused its input (e.g. an import of a text that is not a resolution). */
  refused: 1,
  /** Bad command line. */
  usage: 2,
} as const;

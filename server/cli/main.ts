/**
 * `npx penholder <command> …`: a small dispatcher over a table of commands (one file each).
 * To add a command, write server/cli/<name>-command.ts exporting a CliCommand and list it in COMMANDS.
 */
import { EXIT, type CliCommand, type CliIO } from './command.ts';
import { compareCommand } from './compare-command.ts';
import { exportCommand } from './export-command.ts';
import { importCommand } from './import-command.ts';
import { verifyLogCommand } from './verify-log-command.ts';

/** The command table, in the order `--help` lists it. */
export const COMMANDS: readonly CliCommand[] = [importCommand, compareCommand, exportCommand, verifyLogCommand];

function processIO(): CliIO {
  return {
    stdout: (t) => void process.stdout.write(t),
    stdoutBytes: (b) => void process.stdout.write(b),
    stderr: (t) => void process.stderr.write(t),
    readStdin: async () => {
      const parts: Buffer[] = [];
      for await (const chunk of process.stdin) parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      return Buffer.concat(parts).toString('utf8');
    },
  };
}

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: penholder <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "penholder <command> --help" for the options of a command.',
    '',
  ].join('\n');
}

/** Runs the CLI; returns the process exit code. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(helpText());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`penholder: unknown command "${name}"\n\n${helpText()}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    io.stderr(`penholder ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.refused;
  }
}

/**
 * `penholder import FILE [--json]`: parse a resolution text (corpus style or pdftotext output)
 * and print its structure. FILE "-" reads standard input.
 */
import { readFile, stat } from 'node:fs/promises';
import { importResolution } from '../../shared/import/index.ts';
import { MAX_INPUT_BYTES } from '../../shared/import/validate.ts';
import type { ResolutionJSON, SubParagraph } from '../../shared/resolution/types.ts';
import { EXIT, type CliCommand, type CliIO } from './command.ts';

const USAGE = `Usage: penholder import FILE [--json]

Parse a UN resolution text (plain text, or pdftotext output with or without -layout).
  FILE     path of the text file, or "-" for standard input
  --json   print the structured ResolutionJSON (2-space indented) instead of a summary

Exit codes: 0 imported, 1 the text was refused or could not be read, 2 bad command line.
Warnings go to standard error, so --json output can be piped.
`;

function countSubs(subs: readonly SubParagraph[]): number {
  return subs.reduce((n, s) => n + 1 + countSubs(s.subparagraphs), 0);
}

/** The short human summary printed without --json. */
export function summarize(doc: ResolutionJSON): string {
  const subs = [...doc.preamble, ...doc.operative].reduce((n, p) => n + countSubs(p.subparagraphs), 0);
  const lines = [
    `Kind:      ${doc.kind}`,
    `Symbol:    ${doc.symbol || '(none printed)'}`,
    `Title:     ${doc.title || '(untitled)'}`,
    `Organ:     ${doc.organName || doc.organ}`,
  ];
  if (doc.sponsors.length) {
    const shown = doc.sponsors.slice(0, 5).join(', ');
    lines.push(`Sponsors:  ${doc.sponsors.length} (${shown}${doc.sponsors.length > 5 ? ', …' : ''})`);
  }
  lines.push(`Paragraphs: ${doc.preamble.length} preambular, ${doc.operative.length} operative, ${subs} sub-paragraphs; ${doc.footnotes.length} footnotes`);
  return `${lines.join('\n')}\n`;
}

async function readInput(file: string, io: CliIO): Promise<string> {
  if (file === '-') return io.readStdin();
  const info = await stat(file);
  if (!info.isFile()) throw new Error(`${file} is not a file`);
  // Refuse before reading: the importer would refuse anyway, and a huge file need not be loaded.
  if (info.size > MAX_INPUT_BYTES) {
    throw new Error(`${file} is ${(info.size / (1024 * 1024)).toFixed(1)} MB; the importer accepts at most 2 MB.`);
  }
  return (await readFile(file)).toString('utf8');
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'parse a resolution text file and print its structure (--json for the full JSON)',
  usage: USAGE,
  async run(args, io) {
    let json = false;
    const files: string[] = [];
    for (const a of args) {
      if (a === '--json') json = true;
      else if (a.startsWith('-') && a !== '-') {
        io.stderr(`penholder import: unknown option ${a}\n\n${USAGE}`);
        return EXIT.usage;
      } else files.push(a);
    }
    if (files.length !== 1) {
      io.stderr(`penholder import: ${files.length === 0 ? 'missing FILE' : 'expected one FILE'}\n\n${USAGE}`);
      return EXIT.usage;
    }
    const file = files[0];
    let text: string;
    try {
      text = await readInput(file, io);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : e.message;
      io.stderr(`penholder import: cannot read ${file}: ${why}\n`);
      return EXIT.refused;
    }
    const result = importResolution(text);
    if (!result.ok) {
      io.stderr(`penholder import: ${file === '-' ? 'standard input' : file} was not imported (${result.code}): ${result.message}\n`);
      return EXIT.refused;
    }
    for (const w of result.warnings) io.stderr(`warning: ${w}\n`);
    io.stdout(json ? `${JSON.stringify(result.resolution, null, 2)}\n` : summarize(result.resolution));
    return EXIT.ok;
  },
};

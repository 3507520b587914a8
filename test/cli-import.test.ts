/** `penholder import` end to end: spawns `node bin/penholder.mjs` as a user would run it. */
import { describe, expect, it } from 'vitest';
import type { ResolutionJSON } from '../shared/resolution/types.ts';
import { corpusText } from './fixtures/corpus.ts';
import { runPenholder, type CliRun } from './helpers/cli.ts';

const corpus = (name: string): string => `test/fixtures/corpus/${name}.txt`;


const penholder = (args: string[], stdin?: string): Promise<CliRun> => runPenholder(args, { stdin });

describe('penholder import', { timeout: 30_000 }, () => {
  it('prints the ResolutionJSON of A/RES/78/16 with --json, pretty-printed with 2 spaces', async () => {
    const r = await penholder(['import', corpus('A-RES-78-16'), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as ResolutionJSON;
    expect(doc.symbol).toBe('A/RES/78/16');
    expect(doc.preamble).toHaveLength(21);
    expect(doc.operative).toHaveLength(5);
    expect(doc.footnotes).toHaveLength(4);
    expect(r.stdout.startsWith('{\n  "symbol": "A/RES/78/16",\n')).toBe(true);
  });

  it('prints a short summary without --json', async () => {
    const r = await penholder(['import', corpus('A-C.1-78-L.11')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Kind:      draft-resolution');
    expect(r.stdout).toContain('Title:     Developments in the field of information and telecommunications');
    expect(r.stdout).toContain('Sponsors:  19 (Azerbaijan');
    expect(r.stdout).toContain('18 preambular, 9 operative, 0 sub-paragraphs; 2 footnotes');
  });

  it('reads standard input when FILE is "-"', async () => {
    const r = await penholder(['import', '-', '--json'], corpusText('A-RES-73-27'));
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as ResolutionJSON;
    expect(doc.operative[0].subparagraphs.map((s) => s.label)).toHaveLength(13);
  });

  it('refuses the non-paper with exit 1 and the reason on stderr', async () => {
    const r = await penholder(['import', corpus('non-paper-programme-of-action'), '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/not-a-resolution/);
    expect(r.stderr).toMatch(/no organ line/);
  });

  it('exits 2 on usage errors and 1 on unreadable files', async () => {
    const missing = await penholder(['import']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing FILE/);
    const badOption = await penholder(['import', corpus('A-RES-76-19'), '--xml']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toMatch(/unknown option --xml/);
    const unknown = await penholder(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    const absent = await penholder(['import', 'test/fixtures/no-such-file.txt']);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toMatch(/cannot read .*no such file/);
  });

  it('lists the commands with --help', async () => {
    const r = await penholder(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: penholder <command>/);
    expect(r.stdout).toMatch(/\n {2}import {2}/);
    const sub = await penholder(['import', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toMatch(/Usage: penholder import FILE \[--json\]/);
  });
});

/**
 * TEST SUPPORT: the Akoma Ntoso 3.0 schema (akomantoso30.xsd + the xml.xsd it imports) and an xmllint
 * validator. The schema is AKN_SCHEMA (a path to akomantoso30.xsd) when set; otherwise it is looked
 * for in ../shared/akn beside the repository (where CI copies it), then in test/fixtures/akn.
 * Validation runs with --nonet: the schema's `./xml.xsd` import resolves next to the schema file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the schema may be, in the order tried. */
export function aknSchemaCandidates(): string[] {
  const fromEnv = process.env.AKN_SCHEMA?.trim();
  // An explicit AKN_SCHEMA is the only place looked in: a wrong path must fail, not fall back.
  if (fromEnv) return [resolve(fromEnv)];
  return [
    resolve(REPO_ROOT, '..', 'shared', 'akn', 'akomantoso30.xsd'),
    resolve(REPO_ROOT, 'test', 'fixtures', 'akn', 'akomantoso30.xsd'),
  ];
}

/** The schema path; throws a message saying where it was looked for when it is absent. */
export function aknSchemaPath(): string {
  const candidates = aknSchemaCandidates();
  const found = candidates.find((p) => existsSync(p) && existsSync(join(dirname(p), 'xml.xsd')));
  if (found) return found;
  throw new Error(
    'The Akoma Ntoso schema was not found. Put akomantoso30.xsd and the xml.xsd it imports in one folder and ' +
    `set AKN_SCHEMA to the .xsd, or copy both to ${resolve(REPO_ROOT, '..', 'shared', 'akn')}. ` +
    `Looked for akomantoso30.xsd with xml.xsd beside it in:\n  ${candidates.join('\n  ')}`,
  );
}

/** What xmllint said about one file. */
export interface AknValidation {
  ok: boolean;
  file: string;
  /** xmllint's messages (stderr), e.g. "FILE validates" or the schema errors. */
  output: string;
}

let workDir = '';

/**
 * Validate `xml` against the schema with xmllint (no network). The file is written as
 * `<dir or a temp folder>/<name>.xml` and kept there for inspection.
 */
export function validateAkn(xml: string, name: string, dir?: string): AknValidation {
  const schema = aknSchemaPath();
  if (!dir && !workDir) workDir = mkdtempSync(join(tmpdir(), 'penholder-akn-'));
  const folder = dir ?? workDir;
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${name}.xml`);
  writeFileSync(file, xml, 'utf8');
  const res = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { encoding: 'utf8', timeout: 60_000 });
  if (res.error) {
    throw new Error(`xmllint could not be run (${res.error.message}); install the Debian package libxml2-utils.`);
  }
  return { ok: res.status === 0, file, output: `${res.stderr}${res.stdout}`.trim() };
}

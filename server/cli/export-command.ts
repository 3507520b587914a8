/**
 * `penholder export SOURCE --format docx|akn|html|txt|compilation [--as docx|html|txt] [--out FILE]
 * [--data-dir DIR] [--revision LABEL]`: the L-document (or the compilation text) of a draft stored in
 * DATA_DIR, of one of its issued revisions, or of a resolution text file. Without --out the export goes
 * to standard output (binary for DOCX).
 */
import fs from 'node:fs';
import path from 'node:path';
import { readFile, stat, writeFile } from 'node:fs/promises';
import * as Y from 'yjs';
import type { ExportDocument, ExportFormat } from '../../shared/export/document.ts';
import { revisionNumberOf } from '../../shared/export/from-ydoc.ts';
import {
  exportFileName, parseCompilationAs, parseExportFormat, renderExport, type CompilationAs,
} from '../../shared/export/index.ts';
import { importResolution } from '../../shared/import/index.ts';
import { MAX_INPUT_BYTES } from '../../shared/import/validate.ts';
import { writeResolutionToYDoc } from '../../shared/resolution/ydoc.ts';
import { loadDoc } from '../core/rooms.ts';
import { exportDocumentOf, withStateDoc } from '../export/document-of.ts';
import { SqliteStore } from '../storage/sqlite-store.ts';
import { EXIT, type CliCommand, type CliIO } from './command.ts';

const USAGE = `Usage: penholder export SOURCE --format FORMAT [--as docx|html|txt] [--out FILE]
                        [--data-dir DIR] [--revision LABEL]

Export a draft as the secretariat hands it out.
  SOURCE        a resolution text file ("-" for standard input), or a draft id read from
                DIR/penholder.db (DIR: --data-dir, else DATA_DIR, else ./data)
  --format      docx         the L-document as a Word file
                akn          Akoma Ntoso 3.0 XML (AKN4UN)
                html         the print view (A4, UN typography; print it from a browser)
                txt          plain text in the style of the corpus texts
                compilation  the compilation text: every pending amendment inline and attributed
                             (a text file has none), paragraph statuses and positions
  --as          the compilation's file format: docx (default), html or txt
  --out FILE    write to FILE instead of standard output (DOCX is binary: redirect or use --out)
  --revision    an issued revision of the draft (label such as Rev.1, or its id) instead of the
                live text; for a text file, "Rev.N" exports it as revision N (symbol /Rev.N,
                "revised draft resolution")

Exit codes: 0 exported, 1 the source was refused or could not be read, 2 bad command line.
`;

/** A refusal with the message to print; anything else thrown is a bug. */
class Refused extends Error {}

const DRAFT_ID = /^[A-Za-z0-9_-]{4,64}$/;

interface Options {
  source: string;
  format: ExportFormat;
  as: CompilationAs;
  out: string | null;
  dataDir: string;
  revision: string | null;
}

type Parsed = { ok: true; options: Options } | { ok: false; message: string };

const VALUED = new Set(['--format', '--as', '--out', '--data-dir', '--revision']);

function parseArgs(args: readonly string[]): Parsed {
  const values = new Map<string, string>();
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (VALUED.has(name)) {
      const value = name === a ? args[++i] : a.slice(eq + 1);
      if (value === undefined) return { ok: false, message: `${name} needs a value` };
      if (values.has(name)) return { ok: false, message: `${name} given twice` };
      values.set(name, value);
    } else if (a.startsWith('-') && a !== '-') {
      return { ok: false, message: `unknown option ${a}` };
    } else inputs.push(a);
  }
  if (inputs.length !== 1) return { ok: false, message: `expected one SOURCE, got ${inputs.length}` };
  const format = parseExportFormat(values.get('--format'));
  if (!format.ok) return { ok: false, message: format.message };
  if (values.has('--as') && format.value !== 'compilation') return { ok: false, message: '--as applies to --format compilation only' };
  const as = parseCompilationAs(values.get('--as'));
  if (!as.ok) return { ok: false, message: as.message };
  return {
    ok: true,
    options: {
      source: inputs[0], format: format.value, as: as.value, out: values.get('--out') ?? null,
      dataDir: path.resolve(values.get('--data-dir') || process.env.DATA_DIR || './data'),
      revision: values.get('--revision')?.trim() || null,
    },
  };
}

/** A text file (or standard input) exported as it stands: a compilation of it has no amendments. */
function documentOfText(text: string, what: string, o: Options): ExportDocument {
  const result = importResolution(text);
  if (!result.ok) throw new Refused(`${what} is not a resolution (${result.code}): ${result.message}`);
  let label: string | undefined;
  if (o.revision !== null) {
    if (revisionNumberOf(o.revision) === 0) throw new Refused(`--revision for a text file must be "Rev.N" (got "${o.revision}")`);
    label = o.revision;
  }
  const doc = new Y.Doc();
  try {
    writeResolutionToYDoc(doc, result.resolution);
    return exportDocumentOf(doc, { format: o.format, revisionLabel: label });
  } finally {
    doc.destroy();
  }
}

async function readFileSource(file: string, info: fs.Stats): Promise<string> {
  if (!info.isFile()) throw new Refused(`cannot read ${file}: is a directory`);
  if (info.size > MAX_INPUT_BYTES) throw new Refused(`${file} is ${(info.size / (1024 * 1024)).toFixed(1)} MB; the importer accepts at most 2 MB.`);
  return (await readFile(file)).toString('utf8');
}

/** A stored draft, live text or one of its revisions (by label, id or sequence number). */
async function documentOfDraft(id: string, o: Options): Promise<ExportDocument> {
  const file = path.join(o.dataDir, 'penholder.db');
  // Opening the store would create an empty database: check first, so a typo leaves no files behind.
  if (!fs.existsSync(file)) throw new Refused(`${id} is not a file, and there is no draft store at ${file} to look it up in (use --data-dir)`);
  const store = new SqliteStore(file);
  try {
    if (!(await store.getDraftMeta(id))) throw new Refused(`${id} is neither a file nor a draft in ${file}`);
    if (o.revision === null) {
      const { doc } = await loadDoc(store, id);
      try {
        return exportDocumentOf(doc, { format: o.format });
      } finally {
        doc.destroy();
      }
    }
    const list = await store.revisions.listRevisions(id);
    const ref = o.revision;
    const bySeq = /^\d+$/.test(ref) ? list.find((r) => r.seq === Number(ref)) : undefined;
    const rev = (await store.revisions.getRevisionByLabel(id, ref)) ?? (await store.revisions.getRevision(id, bySeq?.id ?? ref));
    if (!rev) {
      throw new Refused(`draft ${id} has no revision "${ref}" in ${file}`
        + (list.length ? ` (revisions: ${list.map((r) => r.label).join(', ')})` : ' (it has no revisions)'));
    }
    return withStateDoc(rev.state, (doc) => exportDocumentOf(doc, { format: o.format, revisionLabel: rev.label }));
  } finally {
    await store.close();
  }
}

async function documentOf(o: Options, io: CliIO): Promise<ExportDocument> {
  if (o.source === '-') return documentOfText(await io.readStdin(), 'standard input', o);
  let info: fs.Stats | null = null;
  try {
    info = await stat(o.source);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Refused(`cannot read ${o.source}: ${(err as Error).message}`);
  }
  if (info) return documentOfText(await readFileSource(o.source, info), o.source, o);
  if (DRAFT_ID.test(o.source)) return documentOfDraft(o.source, o);
  throw new Refused(`cannot read ${o.source}: no such file (nor a draft id)`);
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export a draft or a text file as DOCX, Akoma Ntoso, print HTML, plain text or the compilation',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseArgs(args);
    if (!parsed.ok) {
      io.stderr(`penholder export: ${parsed.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    const o = parsed.options;
    try {
      const doc = await documentOf(o, io);
      const rendered = await renderExport(doc, o.format, { as: o.as });
      if (o.out !== null) {
        const bytes = typeof rendered.bytes === 'string' ? Buffer.from(rendered.bytes, 'utf8') : rendered.bytes;
        try {
          await writeFile(o.out, bytes);
        } catch (err) {
          throw new Refused(`cannot write ${o.out}: ${(err as Error).message}`);
        }
        io.stderr(`Wrote ${o.out} (${bytes.length} bytes; suggested name ${exportFileName(doc, o.format, o.as)})\n`);
      } else if (typeof rendered.bytes === 'string') {
        io.stdout(rendered.bytes);
      } else if (io.stdoutBytes) {
        io.stdoutBytes(rendered.bytes);
      } else {
        throw new Refused('this output cannot take binary data: use --out FILE');
      }
      return EXIT.ok;
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      io.stderr(`penholder export: ${err.message}\n`);
      return EXIT.refused;
    }
  },
};

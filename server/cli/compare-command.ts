/**
 * `penholder compare OLD NEW [--json]`: align two texts of a resolution and print what changed.
 * OLD and NEW are text files (imported like `penholder import`) or draft ids read from the SQLite
 * store in DATA_DIR (default ./data), or issued revisions: a revision id (`rev_…`) or
 * `<draftId>@<label>` / `<draftId>@<seq>` (`abc123@Rev.1`, `abc123@2`), read from the stored revision JSON.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readFile, stat } from 'node:fs/promises';
import { compareResolutions } from '../../shared/compare/align.ts';
import { formatComparison } from '../../shared/compare/report.ts';
import { importResolution } from '../../shared/import/index.ts';
import { MAX_INPUT_BYTES } from '../../shared/import/validate.ts';
import { readResolutionFromYDoc } from '../../shared/resolution/ydoc.ts';
import type { ResolutionJSON } from '../../shared/resolution/types.ts';
import { loadDoc } from '../core/rooms.ts';
import { REVISION_ID } from '../revisions/store.ts';
import { SqliteStore } from '../storage/sqlite-store.ts';
import { EXIT, type CliCommand, type CliIO } from './command.ts';

const USAGE = `Usage: penholder compare OLD NEW [--json]

Compare two texts of a resolution paragraph by paragraph (unchanged, changed, moved, new, deleted).
  OLD, NEW  a resolution text file, "-" for standard input (one side only), a draft id
            (its current text), or a revision: its id (rev_...) or DRAFTID@LABEL / DRAFTID@SEQ
            (e.g. abc123@Rev.1, "abc123@informal 12 March", abc123@2); drafts and revisions
            are read from DATA_DIR/penholder.db (DATA_DIR defaults to ./data)
  --json    print the Comparison JSON (2-space indented) instead of the aligned report

In the report, changed paragraphs show their text with [-deleted-] and {+inserted+} words.
Exit codes: 0 compared, 1 an input was refused or could not be read, 2 bad command line.
`;

/** A refusal with the message to print; anything else thrown is a bug. */
class Refused extends Error {}

/** Draft ids are 12 base64url characters (server/http/drafts.ts); accept any plausible id. */
const DRAFT_ID = /^[A-Za-z0-9_-]{4,64}$/;
/** A revision reference: "<draftId>@<label or seq>". */
const DRAFT_AT = /^([A-Za-z0-9_-]{4,64})@(.+)$/;

interface Sources {
  io: CliIO;
  dataDir: string;
  store: SqliteStore | null;
}

function importText(text: string, what: string): ResolutionJSON {
  const result = importResolution(text);
  if (!result.ok) throw new Refused(`${what} was not imported (${result.code}): ${result.message}`);
  return result.resolution;
}

/** The draft store, opened once; refuses (without creating files) when DATA_DIR holds none. */
function openStore(ref: string, src: Sources): { store: SqliteStore; file: string } {
  const file = path.join(src.dataDir, 'penholder.db');
  // Opening the store would create an empty database: check first, so a typo does not leave files behind.
  if (!src.store && !fs.existsSync(file)) {
    throw new Refused(`${ref} is not a file, and there is no draft store at ${file} to look it up in (set DATA_DIR)`);
  }
  src.store ??= new SqliteStore(file);
  return { store: src.store, file };
}

/** A revision by id, or by DRAFTID@LABEL (then DRAFTID@SEQ when no label matches). Null if `ref` is neither form. */
async function readRevision(ref: string, src: Sources): Promise<ResolutionJSON | null> {
  const at = DRAFT_AT.exec(ref);
  if (!at && !REVISION_ID.test(ref)) return null;
  const { store, file } = openStore(ref, src);
  if (!at) {
    const rev = await store.revisions.findRevisionById(ref);
    return rev ? rev.snapshot.resolution : null;
  }
  const [, draftId, which] = at;
  let rev = await store.revisions.getRevisionByLabel(draftId, which);
  if (!rev && /^\d+$/.test(which)) {
    const meta = (await store.revisions.listRevisions(draftId)).find((r) => r.seq === Number(which));
    if (meta) rev = await store.revisions.getRevision(draftId, meta.id);
  }
  if (!rev) {
    const labels = (await store.revisions.listRevisions(draftId)).map((r) => r.label);
    throw new Refused(`${ref}: draft ${draftId} has no revision "${which}" in ${file}`
      + (labels.length ? ` (revisions: ${labels.join(', ')})` : ' (it has no revisions)'));
  }
  return rev.snapshot.resolution;
}

async function readDraft(id: string, src: Sources): Promise<ResolutionJSON> {
  const { store, file } = openStore(id, src);
  if (!(await store.getDraftMeta(id))) throw new Refused(`${id} is neither a file nor a draft (nor a revision) in ${file}`);
  const { doc } = await loadDoc(store, id);
  try {
    return readResolutionFromYDoc(doc);
  } finally {
    doc.destroy();
  }
}

async function load(arg: string, src: Sources): Promise<ResolutionJSON> {
  if (arg === '-') return importText(await src.io.readStdin(), 'standard input');
  let info: fs.Stats | null = null;
  try {
    info = await stat(arg);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Refused(`cannot read ${arg}: ${(err as Error).message}`);
  }
  if (info) {
    if (!info.isFile()) throw new Refused(`cannot read ${arg}: is a directory`);
    if (info.size > MAX_INPUT_BYTES) throw new Refused(`${arg} is ${(info.size / (1024 * 1024)).toFixed(1)} MB; the importer accepts at most 2 MB.`);
    return importText((await readFile(arg)).toString('utf8'), arg);
  }
  const rev = await readRevision(arg, src);
  if (rev) return rev;
  if (DRAFT_ID.test(arg)) return readDraft(arg, src);
  throw new Refused(`cannot read ${arg}: no such file (nor a draft id or a revision reference)`);
}

export const compareCommand: CliCommand = {
  name: 'compare',
  summary: 'compare two texts (files, draft ids or revisions) paragraph by paragraph (--json for the full JSON)',
  usage: USAGE,
  async run(args, io) {
    let json = false;
    const inputs: string[] = [];
    for (const a of args) {
      if (a === '--json') json = true;
      else if (a.startsWith('-') && a !== '-') {
        io.stderr(`penholder compare: unknown option ${a}\n\n${USAGE}`);
        return EXIT.usage;
      } else inputs.push(a);
    }
    if (inputs.length !== 2) {
      io.stderr(`penholder compare: expected OLD and NEW, got ${inputs.length} argument${inputs.length === 1 ? '' : 's'}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (inputs[0] === '-' && inputs[1] === '-') {
      io.stderr(`penholder compare: only one side can be read from standard input\n\n${USAGE}`);
      return EXIT.usage;
    }
    const src: Sources = { io, dataDir: path.resolve(process.env.DATA_DIR || './data'), store: null };
    try {
      const oldDoc = await load(inputs[0], src);
      const newDoc = await load(inputs[1], src);
      const comparison = compareResolutions(oldDoc, newDoc);
      io.stdout(json ? `${JSON.stringify(comparison, null, 2)}\n` : formatComparison(comparison));
      return EXIT.ok;
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      io.stderr(`penholder compare: ${err.message}\n`);
      return EXIT.refused;
    } finally {
      await src.store?.close();
    }
  },
};

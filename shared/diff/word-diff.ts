/**
 * Word-level diff of two texts, for amendments (proposed wording vs the paragraph) and revision
 * comparisons. Texts are cut into tokens — words, runs of whitespace, single punctuation marks — and
 * diffed with Myers' O(ND) algorithm on interned tokens. Pure and deterministic: the same inputs
 * always give the same ops.
 */

/** One diff operation. Concatenating the `equal` + `delete` texts gives `a`; `equal` + `insert` gives `b`. */
export interface DiffOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface DiffOptions {
  /**
   * Merge whitespace-only equal runs that sit between two changes into the change, so that
   * "the big red dog" → "the small blue dog" reads as one replacement ("big red" → "small blue")
   * rather than two. Default true.
   */
  semanticCleanup?: boolean;
  /**
   * Largest edit distance (in tokens) searched before giving up on an optimal diff: past it the
   * differing middle is reported as one delete + one insert. Bounds time and memory (O(D²)) on
   * unrelated long texts. Default 4000.
   */
  maxEditDistance?: number;
}

/** Words (letters/digits, with inner apostrophes), whitespace runs, any other single character. */
const TOKEN = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*|\s+|[^\s\p{L}\p{N}\p{M}]/gu;

/** Cut a text into tokens; joining them gives the text back exactly. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

const isSpace = (s: string): boolean => /^\s+$/u.test(s);

/**
 * Diff two token sequences compared by identity of their interned ids. Returns, per edit,
 * 'equal' / 'delete' / 'insert' tags with the token index in `a` (equal, delete) or `b` (insert).
 */
function myers(a: Int32Array, b: Int32Array, maxD: number): Array<['equal' | 'delete' | 'insert', number]> | null {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // Snapshots of the diagonals reachable at each d (2d + 3 entries for step d), in one growing buffer:
  // O(D²) memory without an allocation per step.
  let trace = new Int32Array(1024);
  const start: number[] = [];
  let used = 0;
  let found = -1;
  for (let d = 0; d <= Math.min(max, maxD); d++) {
    const size = 2 * d + 3;
    if (used + size > trace.length) {
      const grown = new Int32Array(Math.max(trace.length * 2, used + size));
      grown.set(trace.subarray(0, used));
      trace = grown;
    }
    trace.set(v.subarray(offset - d - 1, offset + d + 2), used);
    start.push(used);
    used += size;
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      v[offset + k] = x;
      if (x >= n && y >= m) { found = d; break; }
    }
    if (found >= 0) break;
  }
  if (found < 0) return null;
  const edits: Array<['equal' | 'delete' | 'insert', number]> = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const base = start[d] + d + 1;
    const get = (k: number): number => trace[base + k];
    const k = x - y;
    const down = k === -d || (k !== d && get(k - 1) < get(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = get(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) { x--; y--; edits.push(['equal', x]); }
    if (down) { y--; edits.push(['insert', y]); } else { x--; edits.push(['delete', x]); }
  }
  while (x > 0 && y > 0) { x--; y--; edits.push(['equal', x]); }
  return edits.reverse();
}

function push(out: DiffOp[], op: DiffOp['op'], text: string): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last && last.op === op) last.text += text;
  else out.push({ op, text });
}

/** Within each run of changes, put all deletions first, then all insertions (readable, stable order). */
function groupChanges(ops: readonly DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  let del = '';
  let ins = '';
  const flush = (): void => {
    push(out, 'delete', del);
    push(out, 'insert', ins);
    del = '';
    ins = '';
  };
  for (const o of ops) {
    if (o.op === 'equal') { flush(); push(out, 'equal', o.text); }
    else if (o.op === 'delete') del += o.text;
    else ins += o.text;
  }
  flush();
  return out;
}

/** Absorb whitespace-only equal runs that sit between two changes into both sides of the change. */
function cleanupSpaces(ops: readonly DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  for (let i = 0; i < ops.length; i++) {
    const o = ops[i];
    const changedBefore = i > 0 && ops[i - 1].op !== 'equal';
    const changedAfter = i < ops.length - 1 && ops[i + 1].op !== 'equal';
    if (o.op === 'equal' && changedBefore && changedAfter && isSpace(o.text)) {
      out.push({ op: 'delete', text: o.text }, { op: 'insert', text: o.text });
    } else out.push({ ...o });
  }
  return groupChanges(out);
}

/**
 * Word-level diff of `a` (old) against `b` (new).
 * Invariants: `diffSource(ops) === a`, `diffTarget(ops) === b`, adjacent ops never share a tag, no op is empty,
 * and within a change the deletion comes before the insertion.
 */
export function diffWords(a: string, b: string, options: DiffOptions = {}): DiffOp[] {
  if (a === b) return a === '' ? [] : [{ op: 'equal', text: a }];
  const ta = tokenize(a);
  const tb = tokenize(b);
  // Common prefix and suffix first: amendments usually touch a few words of a long paragraph.
  let start = 0;
  while (start < ta.length && start < tb.length && ta[start] === tb[start]) start++;
  let endA = ta.length;
  let endB = tb.length;
  while (endA > start && endB > start && ta[endA - 1] === tb[endB - 1]) { endA--; endB--; }

  const ids = new Map<string, number>();
  const intern = (t: string): number => {
    let id = ids.get(t);
    if (id === undefined) { id = ids.size; ids.set(t, id); }
    return id;
  };
  const midA = ta.slice(start, endA);
  const midB = tb.slice(start, endB);
  const ia = Int32Array.from(midA, intern);
  const ib = Int32Array.from(midB, intern);

  const raw: DiffOp[] = [];
  push(raw, 'equal', ta.slice(0, start).join(''));
  const edits = myers(ia, ib, Math.max(0, options.maxEditDistance ?? 4000));
  if (edits === null) {
    push(raw, 'delete', midA.join(''));
    push(raw, 'insert', midB.join(''));
  } else {
    for (const [op, i] of edits) push(raw, op, op === 'insert' ? midB[i] : midA[i]);
  }
  push(raw, 'equal', ta.slice(endA).join(''));
  return options.semanticCleanup === false ? groupChanges(raw) : cleanupSpaces(groupChanges(raw));
}

/** The old text of a diff (equal + delete). */
export function diffSource(ops: readonly DiffOp[]): string {
  return ops.filter((o) => o.op !== 'insert').map((o) => o.text).join('');
}

/** The new text of a diff (equal + insert). */
export function diffTarget(ops: readonly DiffOp[]): string {
  return ops.filter((o) => o.op !== 'delete').map((o) => o.text).join('');
}

/** A diff op with its character range in the old text (`from`/`to`: for an insert, both are where it goes). */
export interface LocatedOp extends DiffOp {
  from: number;
  to: number;
}

/** Locate every op in the old text: what inline decorations over the old text need. */
export function locateOps(ops: readonly DiffOp[]): LocatedOp[] {
  let at = 0;
  return ops.map((o) => {
    const from = at;
    if (o.op !== 'insert') at += o.text.length;
    return { ...o, from, to: o.op === 'insert' ? from : at };
  });
}

/**
 * A minimal XML writer for the Akoma Ntoso exporter: escaping that survives any input text, and
 * element helpers that indent block structure only (mixed content is written on one line so no
 * whitespace is added to paragraph text). Pure.
 */

// Characters XML 1.0 forbids outright (C0 controls except tab/LF/CR, U+FFFE/U+FFFF, lone surrogates).
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML 1.0 cannot carry. */
export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/**
 * Text content, escaped. Line breaks (LF, CR, NEL, LINE SEPARATOR) are written as character
 * references: a parser would normalise the last three to LF, and a literal LF would be shifted by
 * the indentation {@link block} adds to its children's lines.
 */
export function escText(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\n\r\u0085\u2028]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
}

/** An attribute value (double-quoted), escaped; whitespace kept as references so it survives normalisation. */
export function escAttr(text: string): string {
  return escText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
}

/** Attributes in the given order; undefined values are left out. */
export type Attrs = ReadonlyArray<readonly [string, string | undefined]>;

function attrs(list: Attrs): string {
  return list.filter((a): a is readonly [string, string] => a[1] !== undefined).map(([k, v]) => ` ${k}="${escAttr(v)}"`).join('');
}

/** An element on one line: `inner` is already-escaped mixed content ('' → self-closing). */
export function inline(name: string, list: Attrs, inner: string): string {
  return inner === '' ? `<${name}${attrs(list)}/>` : `<${name}${attrs(list)}>${inner}</${name}>`;
}

/** A block element whose children are lines (already rendered, possibly multi-line), indented by two spaces. */
export function block(name: string, list: Attrs, children: readonly string[]): string {
  if (children.length === 0) return `<${name}${attrs(list)}/>`;
  const body = children.map((c) => c.replace(/^/gm, '  ')).join('\n');
  return `<${name}${attrs(list)}>\n${body}\n</${name}>`;
}

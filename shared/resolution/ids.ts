/** Random paragraph ids: "p" + 10 base-36 chars (~51 bits), unique enough across concurrent clients. */
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A fresh paragraph id. Uses the Web Crypto RNG available in browsers and Node 20. */
export function newId(prefix = 'p'): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  let id = prefix;
  for (const b of bytes) id += ALPHABET[b % 36];
  return id;
}

/** A deterministic id generator for tests and reproducible imports. */
export function sequentialIds(prefix = 'p'): () => string {
  let n = 0;
  return () => `${prefix}${(++n).toString(36).padStart(4, '0')}`;
}

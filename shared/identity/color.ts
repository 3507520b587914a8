/**
 * One colour per participant name, the same everywhere: presence stamped by the server, carets,
 * and the per-delegation colour of tracked changes. Pure and deterministic.
 */

/**
 * Well-separated colours, all readable as text on white (contrast ≥ 4.5:1). A palette rather than a free
 * hue: neighbouring hues (two teals) are too easy to confuse in the overlay.
 */
export const PALETTE: readonly string[] = [
  '#1d4ed8', '#b91c1c', '#047857', '#7e22ce', '#b45309', '#0e7490', '#be185d', '#4d7c0f',
  '#6d28d9', '#9a3412', '#0f766e', '#a21caf', '#1e40af', '#854d0e', '#15803d', '#c2410c',
];

/** A stable colour for a participant or delegation name (FNV-1a hash into {@link PALETTE}). */
export function colorForName(name: string): string {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  // FNV's low bits mix poorly on short names: finish with murmur3's avalanche before taking the index.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return PALETTE[(h >>> 0) % PALETTE.length];
}

/**
 * A 64-bit digest of a stored day's text, as 16 hex digits: whether a recomputed day differs from
 * the one stored (AttendanceService.recompute sends only those). Not cryptographic: the text is what
 * the rules computed, not something a person chooses, and a changed day keeps its old digest only
 * with odds of 2⁻⁶⁴. Two multiplicative hashes of the UTF-16 code units, mixed into each other at
 * the end (the construction of cyrb53, kept at 64 bits).
 */
export function rowDigest(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ unit, 2654435761);
    h2 = Math.imul(h2 ^ unit, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJsonInTurns, mapInTurns } from '../../src/common/in-turns';
import { canonicalJson } from '../../src/domain/money';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

// The month close's snapshot (H-ORG-2: what finance closed is kept byte for byte with its SHA-256):
// built in turns so that a large company does not hold every request (issue 20), the same bytes.
describe('a snapshot built in turns (issue 20)', () => {
  it('H-ORG-2: the same bytes and SHA-256 as canonicalJson, for any JSON value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const { body, sha256: digest } = await canonicalJsonInTurns(value);
        expect(body).toBe(canonicalJson(value));
        expect(digest).toBe(sha256(body));
      }),
      { numRuns: 500 },
    );
  });

  it('hashes a surrogate pair that straddles a chunk of the hash whole (an emoji in a name)', async () => {
    // `{"a":"` is 6 characters: the emoji's first half is the last character of the first megabyte.
    const value = { a: `${'x'.repeat((1 << 20) - 7)}😀 after` };
    const { body, sha256: digest } = await canonicalJsonInTurns(value);
    expect(body.charCodeAt((1 << 20) - 1)).toBe('😀'.charCodeAt(0));
    expect(digest).toBe(sha256(canonicalJson(value)));
  });

  it('gives the event loop turns while it builds a large company', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ employeeNo: `E${i}`, name: `员工${i}`, days: [1, 0.5, 0], note: { z: i, a: 'é' } }));
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    try {
      const { body } = await canonicalJsonInTurns({ month: '2026-11', rows });
      expect(body).toBe(canonicalJson({ month: '2026-11', rows }));
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });

  it("maps a report's rows in order, giving the event loop turns", async () => {
    const people = Array.from({ length: 300_000 }, (_, i) => i);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    try {
      const rows = await mapInTurns(people, (i) => ({ employeeNo: `E${i}`, fines: JSON.stringify({ i, fen: i * 100 }) }));
      expect(rows).toEqual(people.map((i) => ({ employeeNo: `E${i}`, fines: JSON.stringify({ i, fen: i * 100 }) })));
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });
});

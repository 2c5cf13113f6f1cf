import { readFileSync } from 'node:fs';
import { API_TYPES_FILE, apiTypesFor } from '../../scripts/api-types';

/** Issue 14: the console's API types are generated from the document the service serves, never by hand. */
describe("The console's API types", () => {
  it('are exactly what `npm run api:types` makes of the current OpenAPI document (run it after changing the API)', async () => {
    const document = JSON.parse(readFileSync(process.env.KAOQIN_OPENAPI_FILE as string, 'utf8'));
    const expected = await apiTypesFor(document);
    const checkedIn = readFileSync(API_TYPES_FILE, 'utf8');
    // toBe on 20,000 lines prints a useless diff: say which line first differs.
    const a = checkedIn.split('\n');
    const b = expected.split('\n');
    const first = a.findIndex((line, i) => line !== b[i]);
    expect(first === -1 && a.length === b.length ? 'up to date' : `stale from line ${first + 1}: ${a[first]} ≠ ${b[first]}`).toBe('up to date');
  });
});

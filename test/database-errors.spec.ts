import { QueryRunnerAlreadyReleasedError } from 'typeorm';
import { domainErrorFromDatabase } from '../src/database/constraint-errors';

// The database stopping mid-transaction surfaces in several forms; each is a 503, never a 500
// (issue 9, Faults; test/faults/database-outage.spec.ts drives the real thing).
describe('Losing the database connection maps to 503 DATABASE_UNAVAILABLE', () => {
  it.each([
    ['TypeORM: the transaction\'s query runner was released when its connection failed', new QueryRunnerAlreadyReleasedError()],
    ['pg: a statement on a client the pool has closed', new Error('Client was closed and is not queryable')],
    ['pg: the connection dropped', new Error('Connection terminated unexpectedly')],
    ['PostgreSQL: shutting down', Object.assign(new Error('the database system is shutting down'), { code: '57P03' })],
  ])('%s', (_what, error) => {
    expect(domainErrorFromDatabase(error)).toMatchObject({ kind: 'unavailable', code: 'DATABASE_UNAVAILABLE' });
  });

  it('a pool that stays full for the acquire timeout is 503 DATABASE_BUSY with a retry delay (issue 23); a connection that cannot open stays DATABASE_UNAVAILABLE', () => {
    expect(domainErrorFromDatabase(new Error('timeout exceeded when trying to connect'))).toMatchObject({
      kind: 'unavailable',
      code: 'DATABASE_BUSY',
      details: [{ field: 'retryAfterSeconds', message: '1' }],
    });
    expect(domainErrorFromDatabase(new Error('Connection terminated due to connection timeout'))).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
  });

  it('an ordinary programming error stays unmapped (a 500)', () => {
    expect(domainErrorFromDatabase(new TypeError('x is undefined'))).toBeNull();
  });
});

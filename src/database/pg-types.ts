import pg from 'pg';

/**
 * node-postgres turns a `date` into a JS Date at local midnight of the *server process*, which
 * would make calendar dates depend on TZ. Dates stay `YYYY-MM-DD` strings; counts (int8) become
 * numbers (they never exceed 2^53 here).
 */
export function installPgTypeParsers(): void {
  pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
  pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value: string) => Number(value));
}

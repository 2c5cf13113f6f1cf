import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The company's name (the title of its reports) and the language its people read by default
 * (issue 21): simplified Chinese unless the company says English. Requests may ask for another
 * with Accept-Language; the stored default is only the fallback.
 */
export class CompanyLanguage1800000400000 implements MigrationInterface {
  name = 'CompanyLanguage1800000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE company
        ADD COLUMN name             text NOT NULL DEFAULT '' CHECK (char_length(name) <= 100 AND name = btrim(name)),
        ADD COLUMN default_language text NOT NULL DEFAULT 'zh-CN' CHECK (default_language IN ('zh-CN', 'en'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE company DROP COLUMN name, DROP COLUMN default_language`);
  }
}

import { Body, Controller, DynamicModule, Inject, Module, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IsString, Matches } from 'class-validator';
import pg from 'pg';

/**
 * The clock-in baseline: the least a NestJS 12 route can do for the same request — Express,
 * a class-validator DTO through ValidationPipe, one INSERT with pg — with no guard, no rules.
 */
export class BareClockDto {
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/)
  employeeNo: string;
}

const POOL = 'BENCH_BARE_POOL';

@Controller('bare')
class BareController {
  constructor(@Inject(POOL) private readonly pool: pg.Pool) {}

  @Post('clock')
  async clock(@Body() body: BareClockDto): Promise<{ id: string | null; at: Date; duplicate: boolean }> {
    const at = new Date(Math.floor(Date.now() / 1000) * 1000);
    const result = await this.pool.query<{ id: string }>(
      `INSERT INTO bench_clock_baseline (employee_no, at) VALUES ($1, $2) ON CONFLICT (employee_no, at) DO NOTHING RETURNING id`,
      [body.employeeNo, at],
    );
    return { id: result.rows[0]?.id ?? null, at, duplicate: result.rowCount === 0 };
  }
}

@Module({})
class BareModule {
  static with(pool: pg.Pool): DynamicModule {
    return { module: BareModule, controllers: [BareController], providers: [{ provide: POOL, useValue: pool }] };
  }
}

export interface BareApp {
  url: string;
  stop(): Promise<void>;
}

export async function startBareApp(databaseUrl: string, poolSize: number): Promise<BareApp> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  pool.on('error', () => undefined);
  await pool.query(`
    CREATE TABLE IF NOT EXISTS bench_clock_baseline (
      id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      employee_no  text NOT NULL,
      at           timestamptz NOT NULL,
      created_at   timestamptz NOT NULL DEFAULT now(),
      UNIQUE (employee_no, at)
    )`);
  const app = await NestFactory.create(BareModule.with(pool), { logger: ['fatal', 'error'] });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      // Requests the load generator left in flight finish first (the table stays: the database is thrown away).
      await new Promise((resolve) => setTimeout(resolve, 500));
      await app.close();
      await pool.end();
    },
  };
}

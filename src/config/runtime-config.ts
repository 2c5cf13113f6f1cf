import type { AppConfig } from './app-config';

/** The configuration once start-up has filled the gaps (database URL, JWT secret). */
export interface RuntimeConfig extends AppConfig {
  databaseUrl: string;
  jwtSecret: string;
  /**
   * The compiled worker module the day computations run in; unset: the one beside the compiled
   * service (dist/). Tests that run the TypeScript sources point it at a compiled copy.
   */
  attendanceWorkerFile?: string;
}

export const RUNTIME_CONFIG = Symbol('RUNTIME_CONFIG');

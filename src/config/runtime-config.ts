import type { AppConfig } from './app-config';

/** The configuration once start-up has filled the gaps (database URL, JWT secret). */
export interface RuntimeConfig extends AppConfig {
  databaseUrl: string;
  jwtSecret: string;
}

export const RUNTIME_CONFIG = Symbol('RUNTIME_CONFIG');

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Reads of the position catalogue in raw form, for callers that only need its names. */
@Injectable()
export class PositionsRepository {
  /** Every position's code and names, by code (an export's labels; retired positions still label old rows). */
  labels(manager: EntityManager): Promise<{ code: string; name_zh: string; name_en: string }[]> {
    return manager.query('SELECT code, name_zh, name_en FROM position ORDER BY code');
  }
}

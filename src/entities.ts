/** The TypeORM entity classes of the features; the app module registers them with both pools. */
import { AuditEntry } from './audit/audit-entry.entity';
import { Position } from './positions/position.entity';
import { Staff } from './staff/staff.entity';

export const ENTITIES = [AuditEntry, Position, Staff];

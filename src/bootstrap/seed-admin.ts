import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password-hasher';
import { localDate } from '../domain/time/company-time';
import { Staff } from '../staff/staff.entity';

const SEED_LOCK_KEY = 7_441_302_217;

export interface SeededAdmin {
  username: string;
  /** Set only when the password was generated: it is shown once and never stored in clear. */
  generatedPassword: string | null;
}

/** On an empty staff table, creates the first administrator; otherwise does nothing. */
export async function seedFirstAdmin(dataSource: DataSource, audit: AuditService, adminPassword: string | null, now: Date): Promise<SeededAdmin | null> {
  const password = adminPassword ?? randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  return dataSource.transaction(async (manager) => {
    // Two instances starting on one empty database must not both seed.
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    if ((await manager.count(Staff)) > 0) return null;
    const admin = await manager.save(
      manager.create(Staff, {
        employeeNo: 'A0001',
        name: 'Administrator',
        username: 'admin',
        passwordHash,
        positionCode: null,
        supervisorId: null,
        roles: ['admin'],
        hiredOn: localDate(now),
        leftOn: null,
        active: true,
        tokenVersion: 0,
        updatedAt: now,
      }),
    );
    await audit.record(manager, null, {
      action: 'staff.seed_admin',
      entity: 'staff',
      entityId: admin.id,
      after: { username: admin.username, roles: admin.roles },
    });
    return { username: admin.username, generatedPassword: adminPassword ? null : password };
  });
}

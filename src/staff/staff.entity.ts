import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { GrantableRole } from '../domain/roles';

@Entity({ name: 'staff' })
export class Staff {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'employee_no', type: 'text' })
  employeeNo: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  username: string;

  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ name: 'position_code', type: 'text', nullable: true })
  positionCode: string | null;

  @Column({ name: 'supervisor_id', type: 'uuid', nullable: true })
  supervisorId: string | null;

  @Column({ type: 'text', array: true })
  roles: GrantableRole[];

  /** Calendar date `YYYY-MM-DD` in company time. */
  @Column({ name: 'hired_on', type: 'date' })
  hiredOn: string;

  /** 参加工作时间: the first day of full-time work anywhere (实施办法 第四条); never after hiredOn. */
  @Column({ name: 'work_started_on', type: 'date' })
  workStartedOn: string;

  @Column({ name: 'left_on', type: 'date', nullable: true })
  leftOn: string | null;

  @Column({ type: 'boolean' })
  active: boolean;

  /** Where notification e-mail goes (issue 18); null: none. */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  /** The language of the person's e-mail; null: the company's default language. */
  @Column({ type: 'text', nullable: true })
  language: 'zh-CN' | 'en' | null;

  @Column({ name: 'token_version', type: 'integer' })
  tokenVersion: number;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

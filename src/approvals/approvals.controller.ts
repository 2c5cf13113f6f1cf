import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { type Actor, hasRole } from '../domain/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { ApiErrors, ApiSignedIn } from '../common/api-docs';
import { PageQueryDto, pageOf, pageOffset } from '../common/pagination';
import { ApprovalItemDto, ApprovalPageDto } from './dto/approvals.dto';

interface ItemRow {
  kind: 'leave' | 'exemption';
  id: string;
  staff_id: string;
  name: string;
  employee_no: string;
  waiting_for: 'decision' | 'filing';
  start_date: string;
  end_date: string;
  summary: string;
  created_at: Date;
  total: number;
}

// What waits for someone: pending requests of their direct reports; for admins also the requests
// of people without an active supervisor, and approved ones waiting to be filed (H-ORG-3, H-ORG-4).
const INBOX = `
  WITH items AS (
    SELECT 'leave' AS kind, l.id, l.staff_id, CASE WHEN l.status = 'pending' THEN 'decision' ELSE 'filing' END AS waiting_for,
           l.start_date, l.end_date, l.type_code || ' ' || l.start_date || coalesce(' ' || l.start_half, '') || ' → ' || l.end_date
             || coalesce(' ' || l.end_half, '') || ' (' || l.working_days || ' working days)' AS summary, l.created_at
      FROM leave_request l WHERE l.status IN ('pending', 'approved')
    UNION ALL
    SELECT 'exemption', e.id, e.staff_id, CASE WHEN e.status = 'pending' THEN 'decision' ELSE 'filing' END,
           e.date, e.date, 'business trip ' || e.date || ' ' || coalesce(e.from_time || '–' || e.to_time, 'whole day') || ' to ' || e.destination, e.created_at
      FROM exemption e WHERE e.status IN ('pending', 'approved')
  )
  SELECT i.*, s.name, s.employee_no, count(*) OVER () AS total
    FROM items i JOIN staff s ON s.id = i.staff_id LEFT JOIN staff sup ON sup.id = s.supervisor_id
   WHERE i.staff_id <> $1 AND (
         (i.waiting_for = 'decision' AND s.supervisor_id = $1 AND sup.active)
      OR ($2 AND i.waiting_for = 'decision' AND (s.supervisor_id IS NULL OR NOT sup.active))
      OR ($2 AND i.waiting_for = 'filing'))
   ORDER BY i.created_at, i.id
   OFFSET $3 LIMIT $4`;

@ApiTags('approvals')
@ApiSignedIn()
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({
    summary: 'What waits for you, oldest first',
    description: "A supervisor: the pending leave and exemptions of their direct reports. Admins also: requests of people without an active supervisor, and approved ones waiting to be filed. Your own requests never appear.",
  })
  @ApiOkResponse({ type: ApprovalPageDto })
  @ApiErrors(400)
  async inbox(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<ApprovalPageDto> {
    const rows: ItemRow[] = await this.dataSource.query(INBOX, [actor.id, hasRole(actor, 'admin'), pageOffset(query), query.pageSize]);
    const items: ApprovalItemDto[] = rows.map((row) => ({
      kind: row.kind,
      id: row.id,
      staffId: row.staff_id,
      staffName: row.name,
      employeeNo: row.employee_no,
      waitingFor: row.waiting_for,
      startDate: row.start_date,
      endDate: row.end_date,
      summary: row.summary,
      submittedAt: row.created_at.toISOString(),
    }));
    return pageOf(items, rows[0]?.total ?? 0, query);
  }
}

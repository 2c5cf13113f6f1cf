import { Injectable } from '@nestjs/common';
import { type Actor, hasRole } from '../domain/actor';
import { Page, PageQueryDto, pageOf, pageOffset } from '../common/pagination';
import { ApprovalsInboxRepository } from './approvals-inbox.repository';
import type { ApprovalItemDto } from './dto/approvals.dto';

@Injectable()
export class ApprovalsService {
  constructor(private readonly inbox: ApprovalsInboxRepository) {}

  /** What waits for the actor, oldest first; their own requests never appear (H-ORG-3). */
  async inboxOf(actor: Actor, query: PageQueryDto): Promise<Page<ApprovalItemDto>> {
    const rows = await this.inbox.waitingFor(actor.id, hasRole(actor, 'admin'), pageOffset(query), query.pageSize);
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

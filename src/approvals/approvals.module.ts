import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ApprovalEventsRepository } from './approval-events.repository';
import { ApprovalWorkflow } from './approval-workflow';
import { ApprovalsInboxRepository } from './approvals-inbox.repository';
import { ApprovalsController } from './approvals.controller';
import { ApprovalsService } from './approvals.service';

/** The one approval workflow the request flows run through, their events, and the inbox of what waits. */
@Module({
  imports: [NotificationsModule],
  controllers: [ApprovalsController],
  providers: [ApprovalEventsRepository, ApprovalWorkflow, ApprovalsInboxRepository, ApprovalsService],
  exports: [ApprovalWorkflow],
})
export class ApprovalsModule {}

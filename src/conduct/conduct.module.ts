import { Module } from '@nestjs/common';
import { ApprovalsModule } from '../approvals/approvals.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PolicyModule } from '../policy/policy.module';
import { StaffAccessModule } from '../staff/staff-access.module';
import { DisciplinaryController, HandbookController } from './conduct.controller';
import { DisciplinaryRepository } from './disciplinary.repository';
import { DisciplinaryService } from './disciplinary.service';
import { HandbookRepository } from './handbook.repository';
import { HandbookService } from './handbook.service';

/** Staff rules: the handbook in versions, acknowledgements, disciplinary records. */
@Module({
  imports: [PolicyModule, StaffAccessModule, ApprovalsModule, NotificationsModule],
  controllers: [HandbookController, DisciplinaryController],
  providers: [HandbookRepository, HandbookService, DisciplinaryRepository, DisciplinaryService],
  exports: [DisciplinaryService],
})
export class ConductModule {}

import { Module } from '@nestjs/common';
import { DevicesModule } from '../devices/devices.module';
import { PolicyModule } from '../policy/policy.module';
import { StaffAccessModule } from '../staff/staff-access.module';
import { ClockInMemo } from './clock-in-memo';
import { PunchImportService } from './punch-import.service';
import { PunchIngestService } from './punch-ingest.service';
import { PunchesController } from './punches.controller';
import { PunchesRepository } from './punches.repository';
import { PunchesService } from './punches.service';

@Module({
  imports: [PolicyModule, StaffAccessModule, DevicesModule],
  controllers: [PunchesController],
  providers: [PunchesRepository, PunchIngestService, PunchImportService, PunchesService, ClockInMemo],
  exports: [PunchIngestService, PunchesService],
})
export class PunchesModule {}

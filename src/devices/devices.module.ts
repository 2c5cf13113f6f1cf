import { DeviceKeys } from '../auth/credentials';
import { Module } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module';
import { DeviceCommandsController } from './device-commands.controller';
import { DeviceCommandsRepository } from './device-commands.repository';
import { DeviceCommandsService } from './device-commands.service';
import { DevicesController } from './devices.controller';
import { DevicesRepository } from './devices.repository';
import { DevicesService } from './devices.service';
import { DeviceUsersRepository } from './device-users.repository';
import { DeviceUsersService } from './device-users.service';
import { StaffPushService } from './staff-push.service';

@Module({
  imports: [PolicyModule],
  controllers: [DevicesController, DeviceCommandsController],
  // The guard checks device keys through its port (auth/credentials.ts).
  providers: [DevicesRepository, DevicesService, DeviceCommandsRepository, DeviceCommandsService, DeviceUsersRepository, DeviceUsersService, StaffPushService, { provide: DeviceKeys, useExisting: DevicesService }],
  exports: [DevicesService, DeviceCommandsService, DeviceUsersService, DeviceKeys],
})
export class DevicesModule {}

import { DeviceKeys } from '../auth/credentials';
import { Module } from '@nestjs/common';
import { DevicesController } from './devices.controller';
import { DevicesRepository } from './devices.repository';
import { DevicesService } from './devices.service';

@Module({
  controllers: [DevicesController],
  // The guard checks device keys through its port (auth/credentials.ts).
  providers: [DevicesRepository, DevicesService, { provide: DeviceKeys, useExisting: DevicesService }],
  exports: [DevicesService, DeviceKeys],
})
export class DevicesModule {}

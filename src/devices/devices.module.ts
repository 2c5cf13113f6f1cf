import { DeviceKeys } from '../auth/credentials';
import { Module } from '@nestjs/common';
import { DevicesController } from './devices.controller';
import { DevicesService } from './devices.service';

@Module({
  controllers: [DevicesController],
  // The guard checks device keys through its port (auth/credentials.ts).
  providers: [DevicesService, { provide: DeviceKeys, useExisting: DevicesService }],
  exports: [DevicesService, DeviceKeys],
})
export class DevicesModule {}

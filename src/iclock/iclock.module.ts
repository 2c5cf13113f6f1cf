import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { DevicesModule } from '../devices/devices.module';
import { PunchesModule } from '../punches/punches.module';
import { IclockController } from './iclock.controller';
import { IclockRepository } from './iclock.repository';
import { IclockRequestMiddleware } from './iclock-request.middleware';
import { IclockService } from './iclock.service';
import { RejectedLinesController } from './rejected-lines.controller';
import { RejectedLinesService } from './rejected-lines.service';

/** Attendance terminals pushing punches over the ZKTeco ADMS / PUSH protocol (`/iclock`). */
@Module({
  imports: [PunchesModule, DevicesModule],
  controllers: [IclockController, RejectedLinesController],
  providers: [IclockRepository, IclockService, RejectedLinesService],
})
export class IclockModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(IclockRequestMiddleware).forRoutes(IclockController);
  }
}

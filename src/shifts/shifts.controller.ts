import { Body, Param, ParseEnumPipe } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { PutRoute, ReadRoute, SignedInController } from '../common/routes';
import { validationFailed } from '../domain/errors/domain-error';
import { PutShiftDto, ShiftListDto, ShiftVersionDto } from './dto/shift.dto';
import type { ShiftCode } from '../domain/shifts';
import { ShiftsService } from './shifts.service';

enum ShiftCodeParam {
  office = 'office',
  duty = 'duty',
}

@SignedInController('shifts')
export class ShiftsController {
  constructor(private readonly shifts: ShiftsService) {}

  @ReadRoute(undefined, ShiftListDto, { summary: 'The office (H-ATT-3) and duty (H-ATT-4) shifts with their versions' })
  async list(): Promise<ShiftListDto> {
    return { items: await this.shifts.list() };
  }

  @PutRoute(':code', ShiftVersionDto, { summary: "Change a shift's sessions from a date on (admin, finance)", description: 'Earlier days keep their sessions; the days it governs are recomputed; 409 MONTH_CLOSED inside a closed month.', errors: [400, 403, 409, 422] })
  @Roles('admin', 'finance')
  @ApiParam({ name: 'code', enum: ['office', 'duty'] })
  put(
    @CurrentActor() actor: Actor,
    @Param('code', new ParseEnumPipe(ShiftCodeParam, { exceptionFactory: () => validationFailed([{ field: 'code', message: 'must be office or duty' }]) })) code: ShiftCode,
    @Body() body: PutShiftDto,
  ): Promise<ShiftVersionDto> {
    return this.shifts.put(actor, code, body);
  }
}

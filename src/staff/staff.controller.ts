import { Body, Query } from '@nestjs/common';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdParam } from '../common/params';
import { ActionRoute, CreateRoute, DecisionRoute, NoContentRoute, PatchRoute, ReadRoute, SignedInController } from '../common/routes';
import { CreateStaffDto, DeactivateStaffDto, SetPasswordDto, StaffListQueryDto, UpdateStaffDto } from './dto/staff-input.dto';
import { StaffDto, StaffPageDto } from './dto/staff.dto';
import { StaffService } from './staff.service';

@SignedInController('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @ReadRoute(undefined, StaffPageDto, { summary: 'List the staff you may see', description: 'Employees see themselves; supervisors also everyone below them; admin and finance everyone.', errors: [400] })
  list(@CurrentActor() actor: Actor, @Query() query: StaffListQueryDto): Promise<StaffPageDto> {
    return this.staff.list(actor, query);
  }

  @CreateRoute(undefined, StaffDto, { summary: 'Create a staff member (admin)', errors: [400, 403, 409, 422] })
  @Roles('admin')
  create(@CurrentActor() actor: Actor, @Body() body: CreateStaffDto): Promise<StaffDto> {
    return this.staff.create(actor, body);
  }

  @ReadRoute(':id', StaffDto, { summary: 'One staff member, if you may see them', errors: [400, 404] })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<StaffDto> {
    return this.staff.get(actor, id);
  }

  @PatchRoute(':id', StaffDto, { summary: 'Change a staff member (admin)', description: 'A supervisor chain never loops; the last active admin keeps the admin role.', errors: [400, 403, 404, 409, 422] })
  @Roles('admin')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: UpdateStaffDto): Promise<StaffDto> {
    return this.staff.update(actor, id, body);
  }

  @ActionRoute(':id/deactivate', StaffDto, { summary: 'End employment (admin)', description: 'Nobody is deleted; the person can no longer sign in and their tokens stop working.', errors: [400, 403, 404, 409, 422] })
  @Roles('admin')
  deactivate(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: DeactivateStaffDto): Promise<StaffDto> {
    return this.staff.deactivate(actor, id, body);
  }

  @DecisionRoute(':id/reactivate', StaffDto, { summary: 'Re-employ a deactivated staff member (admin)' })
  @Roles('admin')
  reactivate(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<StaffDto> {
    return this.staff.reactivate(actor, id);
  }

  @NoContentRoute(':id/password', 'Password changed', { summary: 'Set a password', description: 'Your own with the old password, or anyone\'s as admin. Signs the person out of other sessions.', errors: [400, 403, 404] })
  async setPassword(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: SetPasswordDto): Promise<void> {
    await this.staff.setPassword(actor, id, body);
  }
}

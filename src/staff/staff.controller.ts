import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiIdParam, ApiSignedIn } from '../common/api-docs';
import { uuidParam } from '../common/params';
import { CreateStaffDto, DeactivateStaffDto, SetPasswordDto, StaffListQueryDto, UpdateStaffDto } from './dto/staff-input.dto';
import { StaffDto, StaffPageDto } from './dto/staff.dto';
import { StaffService } from './staff.service';

const uuid = uuidParam();

@ApiTags('staff')
@ApiSignedIn()
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @ApiOperation({ summary: 'List the staff you may see', description: 'Employees see themselves; supervisors also everyone below them; admin and finance everyone.' })
  @ApiOkResponse({ type: StaffPageDto })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: StaffListQueryDto): Promise<StaffPageDto> {
    return this.staff.list(actor, query);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a staff member (admin)' })
  @ApiCreatedResponse({ type: StaffDto })
  @ApiErrors(400, 403, 409, 422)
  create(@CurrentActor() actor: Actor, @Body() body: CreateStaffDto): Promise<StaffDto> {
    return this.staff.create(actor, body);
  }

  @Get(':id')
  @ApiIdParam()
  @ApiOperation({ summary: 'One staff member, if you may see them' })
  @ApiOkResponse({ type: StaffDto })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<StaffDto> {
    return this.staff.get(actor, id);
  }

  @Patch(':id')
  @ApiIdParam()
  @Roles('admin')
  @ApiOperation({ summary: 'Change a staff member (admin)', description: 'A supervisor chain never loops; the last active admin keeps the admin role.' })
  @ApiOkResponse({ type: StaffDto })
  @ApiErrors(400, 403, 404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: UpdateStaffDto): Promise<StaffDto> {
    return this.staff.update(actor, id, body);
  }

  @Post(':id/deactivate')
  @ApiIdParam()
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'End employment (admin)', description: 'Nobody is deleted; the person can no longer sign in and their tokens stop working.' })
  @ApiOkResponse({ type: StaffDto })
  @ApiErrors(400, 403, 404, 409, 422)
  deactivate(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: DeactivateStaffDto): Promise<StaffDto> {
    return this.staff.deactivate(actor, id, body);
  }

  @Post(':id/reactivate')
  @ApiIdParam()
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Re-employ a deactivated staff member (admin)' })
  @ApiOkResponse({ type: StaffDto })
  @ApiErrors(400, 403, 404, 409)
  reactivate(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<StaffDto> {
    return this.staff.reactivate(actor, id);
  }

  @Post(':id/password')
  @ApiIdParam()
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a password', description: 'Your own with the old password, or anyone\'s as admin. Signs the person out of other sessions.' })
  @ApiNoContentResponse({ description: 'Password changed' })
  @ApiErrors(400, 403, 404)
  async setPassword(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: SetPasswordDto): Promise<void> {
    await this.staff.setPassword(actor, id, body);
  }
}

import { applyDecorators, Body, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiQuery, ApiSecurity } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '../domain/actor';
import { AllowDevice, ChecksOwnSignIn, CurrentActor, Roles, SignedInClaims } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/auth.decorators';
import { AuthService } from '../auth/auth.service';
import { IdParam, nonEmptyBody } from '../common/params';
import { ActionRoute, CreateRoute, DecisionRoute, ReadRoute, SignedInController } from '../common/routes';
import { BatchDto, ClockResultDto, IngestResultDto, ManualPunchDto, PunchDto, PunchListQueryDto, PunchPageDto, VoidPunchDto } from './dto/punch.dto';
import { PunchImportService } from './punch-import.service';
import { PunchIngestService } from './punch-ingest.service';
import { parseBatchItem } from './punch-lines';
import { importNotText } from './punches.errors';
import { PunchesService } from './punches.service';

const deviceOrigin = (actor: Actor) => (actor.kind === 'device' ? actor.id : null);

/** The routes that add punches in bulk: an admin, or a device with its key. */
const AdminOrDevice = () => applyDecorators(Roles('admin'), AllowDevice(), ApiSecurity('deviceKey'));

@SignedInController('punches')
export class PunchesController {
  constructor(
    private readonly punches: PunchesService,
    private readonly ingest: PunchIngestService,
    private readonly imports: PunchImportService,
    private readonly auth: AuthService,
  ) {}

  @CreateRoute('clock', ClockResultDto, { summary: 'Clock in or out now (H-ATT-7)', description: 'The server\'s clock decides the time; a body that tries to set it is refused. Clocking twice in the same second stores one punch.', errors: [400, 403, 409] })
  @ApiBody({ required: false, description: 'No fields: the server\'s clock decides the time', schema: { type: 'object', additionalProperties: false, properties: {} } })
  @ChecksOwnSignIn()
  async clock(@SignedInClaims() claims: TokenClaims, @Body() body: unknown): Promise<ClockResultDto> {
    const refusal = nonEmptyBody(body);
    if (refusal) {
      // As the guard would: a revoked token is answered 401 before its body is looked at.
      await this.auth.actorForClaims(claims);
      throw refusal;
    }
    return this.punches.clock(claims);
  }

  @ActionRoute('batch', IngestResultDto, {
    summary: 'Store up to 10,000 punches (admin or device key)',
    description:
      'Idempotent: the same person at the same second is stored once, whatever sent it, so a re-sent batch adds nothing. ' +
      'Each bad line is listed in `rejected` with its index and reason; the others are stored. The whole batch is one transaction.',
    errors: [400, 403],
  })
  @AdminOrDevice()
  async batch(@CurrentActor() actor: Actor, @Body() body: BatchDto): Promise<IngestResultDto> {
    const zone = await this.ingest.timeZoneFor(actor);
    const lines = body.punches.map((item, index) => parseBatchItem(item, index, zone));
    const { insertedIds: _ids, ...result } = await this.ingest.ingest(actor, lines, { source: actor.kind === 'device' ? 'device' : 'batch', deviceId: deviceOrigin(actor), reason: null }, 'punch.batch');
    return result;
  }

  @ActionRoute('import', IngestResultDto, {
    summary: 'Import a time-clock export (admin or device key)',
    description:
      'Same idempotence and per-line report as the batch; importing the same file twice adds nothing. The file is read whole first (to a temporary file, ' +
      'holding no database connection) and stored in one transaction once it is complete: all or nothing. A body that stops arriving is answered 408.',
    errors: [400, 403, 408, 413, 415],
  })
  @AdminOrDevice()
  @ApiConsumes('text/csv', 'text/plain', 'text/tab-separated-values')
  @ApiQuery({ name: 'source', required: false, description: 'A label stored with each punch (file or terminal name)', schema: { type: 'string', maxLength: 64 } })
  @ApiBody({ description: 'A CSV with the header `employeeNo,at`, or a ZKTeco attendance log (`PIN\\tYYYY-MM-DD HH:MM:SS\\tstatus\\tverify\\tworkcode…`, device-local time). Up to 20 MB, streamed.', schema: { type: 'string', maxLength: 20971520 } })
  importFile(@CurrentActor() actor: Actor, @Req() request: Request, @Query('source') source?: string): Promise<IngestResultDto> {
    // The file is read from the raw stream: a body some parser already consumed (JSON) is refused.
    if (!/^(text\/|application\/octet-stream)/i.test(request.headers['content-type'] ?? '')) throw importNotText();
    const label = typeof source === 'string' && source.length > 0 ? source.slice(0, 64) : null;
    return this.imports.importStream(actor, request, label, deviceOrigin(actor));
  }

  @CreateRoute('manual', PunchDto, { summary: 'Enter a punch the clock missed, with a reason (admin, audited)', errors: [400, 403, 404, 409, 422] })
  @Roles('admin')
  manual(@CurrentActor() actor: Actor, @Body() body: ManualPunchDto): Promise<PunchDto> {
    return this.punches.manual(actor, body);
  }

  @DecisionRoute(':id/void', PunchDto, { summary: 'Void a wrong punch with a reason (admin, audited)', description: 'Punches are never edited or deleted; a voided punch no longer counts.' })
  @Roles('admin')
  void(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: VoidPunchDto): Promise<PunchDto> {
    return this.punches.void(actor, id, body.reason);
  }

  @ReadRoute(undefined, PunchPageDto, { summary: "A person's punches between two dates, with the date each belongs to", description: 'Visible as staff records are: your own, your reports\', or everyone\'s for admin and finance.', errors: [400, 404] })
  list(@CurrentActor() actor: Actor, @Query() query: PunchListQueryDto): Promise<PunchPageDto> {
    return this.punches.list(actor, query);
  }
}

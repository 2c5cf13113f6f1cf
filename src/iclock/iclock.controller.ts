import { All, Body, Controller, Get, Post, Query, Req, UseFilters } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/auth.decorators';
import { ApiDeviceLines, ApiDeviceQuery, DeviceRoute } from './iclock.api-docs';
import { IclockExceptionFilter } from './iclock-exception.filter';
import { unsupportedRoute } from './iclock.errors';
import { DeviceContact, IclockService } from './iclock.service';

const contactOf = (request: Request, serial: unknown): DeviceContact => ({ serial, ip: request.ip ?? null, request: `${request.method} ${request.path}` });

/**
 * The ZKTeco ADMS / PUSH device protocol. Open routes: terminals have no key and name themselves
 * by serial number (`SN`); only active devices an admin registered are served.
 */
@ApiTags('iclock')
@Public()
@UseFilters(IclockExceptionFilter)
@Controller('iclock')
export class IclockController {
  constructor(private readonly iclock: IclockService) {}

  @DeviceRoute(Get, 'cdata', {
    summary: 'Handshake: the settings a terminal works with (device protocol)',
    description:
      'One `Name=value` per line, first `GET OPTION FROM: <SN>`: the upload counters last received (ATTLOGStamp, OPERLOGStamp, ATTPHOTOStamp), ' +
      'retry and poll delays, what to upload (TransFlag), the UTC offset of the device\'s zone in the unit its firmware reads (TimeZone), Realtime=1, Encrypt=0. ' +
      'The `Date` header is the server\'s time: terminals set their clock from it.',
    answer: { description: 'The settings, one per line', example: 'GET OPTION FROM: CQZ7232460123\nATTLOGStamp=0\nOPERLOGStamp=0\nATTPHOTOStamp=0\nErrorDelay=60\nDelay=30\nTransTimes=00:00;14:05\nTransInterval=1\nTransFlag=TransData AttLog\tOpLog\nTimeZone=8\nRealtime=1\nEncrypt=0', pattern: '^GET OPTION FROM: ', maxLength: 1000 },
  })
  @ApiDeviceQuery('options', 'all: the terminal asks for its settings', '^[A-Za-z]{1,16}$', 16)
  @ApiDeviceQuery('pushver', 'The protocol version of the firmware', '^[0-9A-Za-z._-]{1,32}$', 32)
  @ApiDeviceQuery('language', 'The terminal\'s language code', '^[0-9]{1,5}$', 5)
  @ApiDeviceQuery('PushOptionsFlag', 'Whether the terminal will report its options', '^[0-9]{1,2}$', 2)
  handshake(@Req() request: Request, @Query('SN') serial?: string): Promise<string> {
    return this.iclock.handshake(contactOf(request, serial));
  }

  @DeviceRoute(Post, 'cdata', {
    summary: 'Upload a table: attendance records, operation log, photos, options (device protocol)',
    description:
      '`table=ATTLOG`: one punch per line, `PIN⇥YYYY-MM-DD HH:MM:SS⇥status⇥verify⇥workcode…` in device-local time (read in the device\'s zone, else the company\'s), ' +
      'stored through the same path as POST /punches/batch: idempotent (same person, same second: one punch), the month lock respected (H-ATT-7). ' +
      'Answered `OK: <lines stored or already stored>`; lines that cannot be stored (unknown PIN, closed month, unreadable) are still answered OK, so the terminal does not re-send them forever, ' +
      'and kept for an admin under GET /devices/{id}/rejected-lines. Any other table is answered `OK`.',
    answer: { description: '`OK: <n>` for ATTLOG, `OK` for other tables', example: 'OK: 2', pattern: '^OK(: [0-9]{1,7})?$' },
  })
  @ApiDeviceQuery('table', 'ATTLOG, OPERLOG, ATTPHOTO, options…', '^[A-Za-z_]{1,32}$', 32)
  @ApiDeviceQuery('Stamp', 'The terminal\'s upload counter, answered back in the next handshake', '^[0-9]{1,20}$', 20)
  @ApiDeviceLines('The table\'s records, one per line', '20156107\t2020-02-22 23:56:16\t255\t1\t\t0\t0\t8\n20156108\t2020-02-22 23:57:02\t0\t15\t\t0\t0\t8')
  upload(@Req() request: Request, @Body() body: unknown, @Query('SN') serial?: string, @Query('table') table?: string, @Query('Stamp') stamp?: string): Promise<string> {
    return this.iclock.upload(contactOf(request, serial), { table, stamp, body });
  }

  @DeviceRoute(Get, 'getrequest', {
    summary: 'Command poll: always `OK`, this service queues no commands (device protocol)',
    description: 'Terminals poll every Delay seconds; each poll counts as the device\'s last contact.',
    answer: { description: 'Nothing to do', example: 'OK', pattern: '^OK$' },
  })
  @ApiDeviceQuery('INFO', 'Firmware version and counters some terminals report', '^[ -~]{0,500}$', 500)
  poll(@Req() request: Request, @Query('SN') serial?: string): Promise<string> {
    return this.iclock.poll(contactOf(request, serial));
  }

  @DeviceRoute(Post, 'devicecmd', {
    summary: 'Command results: answered `OK` (device protocol)',
    description: 'Lines like `ID=1&Return=0&CMD=INFO`. This service sends no commands, so results are only logged.',
    answer: { description: 'Received', example: 'OK', pattern: '^OK$' },
  })
  @ApiDeviceLines('One result per line', 'ID=1&Return=0&CMD=INFO')
  commandResults(@Req() request: Request, @Body() body: unknown, @Query('SN') serial?: string): Promise<string> {
    return this.iclock.commandResults(contactOf(request, serial), body);
  }

  @DeviceRoute(Get, 'ping', {
    summary: 'Liveness check during long uploads: `OK` (device protocol)',
    description: 'Newer firmware asks between upload batches whether the server is still there; counts as the device\'s last contact.',
    answer: { description: 'The server is there', example: 'OK', pattern: '^OK$' },
  })
  ping(@Req() request: Request, @Query('SN') serial?: string): Promise<string> {
    return this.iclock.ping(contactOf(request, serial));
  }

  /** Anything else a firmware tries: a plain-text 404 it can log, not a JSON body. */
  @All('*path')
  @ApiExcludeEndpoint()
  unsupported(@Req() request: Request): never {
    throw unsupportedRoute(request.path);
  }
}

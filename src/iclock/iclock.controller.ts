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

  // Every path also with `.aspx`: eSSL Push 2.0.x and X2008 firmware append it.
  @DeviceRoute(Get, ['cdata', 'cdata.aspx'], {
    summary: 'Handshake: the settings a terminal works with (device protocol)',
    description:
      'One `Name=value` per line, first `GET OPTION FROM: <SN>`: the upload counters last received (ATTLOGStamp, OPERLOGStamp, ATTPHOTOStamp), ' +
      'the same under their legacy names (Stamp, OpStamp, PhotoStamp) and ERRORLOGStamp, ' +
      'retry and poll delays, what to upload (TransFlag), the UTC offset of the device\'s zone (TimeZone: an integer, hours when whole hours, else minutes), Realtime=1, Encrypt=0, ' +
      'the server\'s protocol version (ServerVer, PushProtVer), PushOptionsFlag=1 and SupportPing=1. ' +
      'The `Date` header is the server\'s time: terminals set their clock from it.',
    answer: {
      description: 'The settings, one per line',
      example:
        'GET OPTION FROM: CQZ7232460123\nATTLOGStamp=0\nOPERLOGStamp=0\nATTPHOTOStamp=0\nERRORLOGStamp=0\nStamp=0\nOpStamp=0\nPhotoStamp=0\nErrorDelay=60\nDelay=30\nTransTimes=00:00;14:05\nTransInterval=1\n' +
        'TransFlag=TransData AttLog\tOpLog\nTimeZone=8\nRealtime=1\nEncrypt=0\nServerVer=2.4.1\nPushProtVer=2.4.1\nPushOptionsFlag=1\nSupportPing=1',
      pattern: '^GET OPTION FROM: ',
      maxLength: 1000,
    },
  })
  @ApiDeviceQuery('options', 'all: the terminal asks for its settings', '^[A-Za-z]{1,16}$', 16)
  @ApiDeviceQuery('pushver', 'The protocol version of the firmware', '^[0-9A-Za-z._-]{1,32}$', 32)
  @ApiDeviceQuery('language', 'The terminal\'s language code', '^[0-9]{1,5}$', 5)
  @ApiDeviceQuery('PushOptionsFlag', 'Whether the terminal will report its options', '^[0-9]{1,2}$', 2)
  handshake(@Req() request: Request, @Query('SN') serial?: string): Promise<string> {
    return this.iclock.handshake(contactOf(request, serial));
  }

  @DeviceRoute(Post, ['cdata', 'cdata.aspx'], {
    summary: 'Upload a table: attendance records, operation log, real-time events, options (device protocol)',
    description:
      '`table=ATTLOG`: one punch per line, `PIN⇥YYYY-MM-DD HH:MM:SS⇥status⇥verify⇥workcode…` in device-local time (read in the device\'s zone, else the company\'s), ' +
      'stored through the same path as POST /punches/batch: idempotent (same person, same second: one punch), the month lock respected (H-ATT-7). ' +
      'Answered `OK:<lines stored or already stored>`; lines that cannot be stored (unknown PIN, closed month, clock ahead, unreadable) are still answered OK, so the terminal does not re-send them forever, ' +
      'and kept for an admin under GET /devices/{id}/rejected-lines, from where they can be retried. ' +
      'Any other table (OPERLOG, rtlog, ERRORLOG, options…) is kept as received under GET /devices/{id}/uploads and answered `OK:<lines kept>`.',
    answer: { description: '`OK:<n>`', example: 'OK:2', pattern: '^OK(:[0-9]{1,7})?$' },
  })
  @ApiDeviceQuery('table', 'ATTLOG, OPERLOG, ATTPHOTO, ERRORLOG, rtlog, options…', '^[A-Za-z0-9_]{1,32}$', 32)
  @ApiDeviceQuery('Stamp', 'The terminal\'s upload counter, answered back in the next handshake (a 0 never replaces one received before)', '^[0-9]{1,20}$', 20)
  @ApiDeviceQuery('OpStamp', 'The OPERLOG upload counter, as older firmware names it', '^[0-9]{1,20}$', 20)
  @ApiDeviceQuery('PhotoStamp', 'The ATTPHOTO upload counter, as older firmware names it', '^[0-9]{1,20}$', 20)
  @ApiDeviceLines('The table\'s records, one per line', '20156107\t2020-02-22 23:56:16\t255\t1\t\t0\t0\t8\n20156108\t2020-02-22 23:57:02\t0\t15\t\t0\t0\t8')
  upload(@Req() request: Request, @Body() body: unknown, @Query('SN') serial?: string, @Query('table') table?: string, @Query('Stamp') stamp?: string, @Query('OpStamp') opStamp?: string, @Query('PhotoStamp') photoStamp?: string): Promise<string> {
    return this.iclock.upload(contactOf(request, serial), { table, stamp, opStamp, photoStamp, body });
  }

  @DeviceRoute(Post, ['fdata', 'fdata.aspx'], {
    summary: 'Upload a photo taken at a punch (device protocol)',
    description:
      'The body is `PIN=…`, `SN=…`, `size=…`, `CMD=uploadphoto` lines, a NUL byte and the image. The lines are kept under GET /devices/{id}/uploads (kind ATTPHOTO); ' +
      'the image is not: the handshake does not ask for photos (personal data the service has no use for) and the terminal keeps its own.',
    answer: { description: 'Received', example: 'OK', pattern: '^OK$' },
  })
  @ApiDeviceQuery('table', 'ATTPHOTO', '^[A-Za-z0-9_]{1,32}$', 32)
  @ApiDeviceQuery('Stamp', 'The photo upload counter', '^[0-9]{1,20}$', 20)
  @ApiDeviceQuery('PhotoStamp', 'The photo upload counter, as older firmware names it', '^[0-9]{1,20}$', 20)
  @ApiDeviceLines('Metadata lines, a NUL byte, the image', 'PIN=20156107\nSN=CQZ7232460123\nsize=2048\nCMD=uploadphoto')
  photo(@Req() request: Request, @Body() body: unknown, @Query('SN') serial?: string, @Query('Stamp') stamp?: string, @Query('PhotoStamp') photoStamp?: string): Promise<string> {
    return this.iclock.photo(contactOf(request, serial), { table: 'ATTPHOTO', stamp, photoStamp, body });
  }

  @DeviceRoute(Post, ['registry', 'registry.aspx'], {
    summary: 'PUSH 3.x registration: the terminal describes itself and receives its registry code (device protocol)',
    description: 'The description (device type, firmware, capabilities) is kept under GET /devices/{id}/uploads (kind registry).',
    answer: { description: 'The registry code', example: 'RegistryCode=3fa85f64a1', pattern: '^RegistryCode=[0-9a-f]{10}$', maxLength: 30 },
  })
  @ApiDeviceLines('`Key=value` pairs, comma-separated', 'DeviceType=acc,~DeviceName=SenseFace 4,FirmVer=ZAM180-NF-Ver1.2.3,PushVersion=3.1.2')
  registry(@Req() request: Request, @Body() body: unknown, @Query('SN') serial?: string): Promise<string> {
    return this.iclock.registry(contactOf(request, serial), body);
  }

  @DeviceRoute(Get, ['push', 'push.aspx'], {
    summary: 'PUSH 3.x settings: what a registered 3.x terminal works with (device protocol)',
    description: 'One `Name=value` per line: versions, delays, what to upload (TransTables), Realtime=1, the session (its registry code) and TimeZone as in the handshake.',
    answer: {
      description: 'The settings, one per line',
      example: 'ServerVersion=3.1.2\nServerName=Kaoqin\nPushVersion=3.1.2\nErrorDelay=60\nRequestDelay=30\nTransTimes=00:00\t14:05\nTransInterval=1\nTransTables=User\tTransaction\nRealtime=1\nSessionID=3fa85f64a1\nTimeoutSec=10\nTimeZone=8',
      pattern: '^ServerVersion=',
      maxLength: 1000,
    },
  })
  pushSettings(@Req() request: Request, @Query('SN') serial?: string): Promise<string> {
    return this.iclock.push3(contactOf(request, serial));
  }

  @DeviceRoute(Post, ['push', 'push.aspx'], {
    summary: 'PUSH 3.x settings, asked with POST (device protocol)',
    description: 'As GET /iclock/push; the body (the terminal\'s own parameters) is not read.',
    answer: {
      description: 'The settings, one per line',
      example: 'ServerVersion=3.1.2\nServerName=Kaoqin\nPushVersion=3.1.2\nErrorDelay=60\nRequestDelay=30\nTransTimes=00:00\t14:05\nTransInterval=1\nTransTables=User\tTransaction\nRealtime=1\nSessionID=3fa85f64a1\nTimeoutSec=10\nTimeZone=8',
      pattern: '^ServerVersion=',
      maxLength: 1000,
    },
  })
  @ApiDeviceLines('The terminal\'s parameters (not read)', 'DeviceType=acc')
  pushSettingsPosted(@Req() request: Request, @Query('SN') serial?: string): Promise<string> {
    return this.iclock.push3(contactOf(request, serial));
  }

  @DeviceRoute(Get, ['getrequest', 'getrequest.aspx'], {
    summary: 'Command poll: the commands queued for the terminal, or `OK` (device protocol)',
    description:
      'Terminals poll every Delay seconds; each poll counts as the device\'s last contact. The answer holds up to 10 commands due, one a line, `C:<id>:<command>` ' +
      '(SET OPTIONS DateTime=…, REBOOT, INFO, DATA QUERY ATTLOG StartTime=…⇥EndTime=…, DATA UPDATE USERINFO PIN=…⇥Name=…, DATA DELETE USERINFO PIN=…); `OK` when none is due. ' +
      'A command not answered within DEVICE_COMMAND_TIMEOUT_SECONDS is sent again.',
    answer: { description: 'Commands, or nothing to do', example: 'C:42:SET OPTIONS DateTime=829994400', pattern: '^(OK|C:[0-9]{1,18}:[^\\n]+(\\nC:[0-9]{1,18}:[^\\n]+){0,9})$', maxLength: 10240 },
  })
  @ApiDeviceQuery('INFO', 'Firmware version and counters some terminals report', '^[ -~]{0,500}$', 500)
  poll(@Req() request: Request, @Query('SN') serial?: string): Promise<string> {
    return this.iclock.poll(contactOf(request, serial));
  }

  @DeviceRoute(Post, ['devicecmd', 'devicecmd.aspx'], {
    summary: 'Command results: answered `OK` (device protocol)',
    description:
      'Lines like `ID=42&Return=0&CMD=INFO`, each followed by the lines of its reply (INFO: the device\'s information). Return ≥ 0 settles the command as done, a negative Return as failed with that code. ' +
      'Some firmware leaves SN out: the command ids alone find the commands. A result for no command sent is logged.',
    answer: { description: 'Received', example: 'OK', pattern: '^OK$', serialOptional: true },
  })
  @ApiDeviceLines('One result per line', 'ID=1&Return=0&CMD=INFO')
  commandResults(@Req() request: Request, @Body() body: unknown, @Query('SN') serial?: string): Promise<string> {
    return this.iclock.commandResults(contactOf(request, serial), body);
  }

  @DeviceRoute(Get, ['ping', 'ping.aspx'], {
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

import { applyDecorators, Get, Header, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiOperationOptions, ApiProduces, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { MAX_ICLOCK_BODY_BYTES } from './iclock-request.middleware';

const SERIAL_PATTERN = '^[A-Za-z0-9_.-]{1,64}$';

const plainText = (example: string, maxLength: number, pattern = ERROR_LINE) => ({ 'text/plain': { schema: { type: 'string', maxLength, pattern, example } } });

const ERROR_LINE = '^[A-Z_]{1,64}: .+$';

const ERRORS: [number, string, string][] = [
  [400, 'No or malformed SN, or a body that is not text (DEVICE_SERIAL_MISSING, VALIDATION_FAILED, BODY_NOT_TEXT)', 'DEVICE_SERIAL_MISSING: The request names no device: add ?SN=<serial number>'],
  [403, 'The serial is not registered (recorded for GET /devices/unknown) or the device is deactivated (DEVICE_NOT_REGISTERED, DEVICE_INACTIVE)', 'DEVICE_NOT_REGISTERED: Device CQZ7232460123 is not registered with this service; an administrator registers it under /devices'],
  [429, 'Too many requests from this address', 'TOO_MANY_REQUESTS: Too many requests from this client; slow down'],
  [500, 'Unexpected error: the terminal re-sends after ErrorDelay', 'INTERNAL_ERROR: Something went wrong on our side'],
  [503, 'The database is not reachable, or every connection is busy (with Retry-After): the terminal re-sends after ErrorDelay', 'DATABASE_BUSY: Every database connection is busy; try again shortly'],
];

interface DeviceAnswer {
  /** devicecmd: some firmware leaves SN out. */
  serialOptional?: boolean;
  description: string;
  example: string;
  pattern: string;
  maxLength?: number;
}

/**
 * The device protocol's documentation: the `SN` every terminal sends, a plain-text
 * answer, and errors as one plain-text line `CODE: message` (a terminal cannot read the JSON body).
 */
function ApiDeviceProtocol(answer: DeviceAnswer): MethodDecorator {
  return applyDecorators(
    ApiProduces('text/plain'),
    ApiQuery({ name: 'SN', required: !answer.serialOptional, description: 'The serial number of a registered, active device', schema: { type: 'string', pattern: SERIAL_PATTERN, maxLength: 64 } }),
    ApiResponse({ status: 200, description: answer.description, content: plainText(answer.example, answer.maxLength ?? 20, answer.pattern) }),
    ...ERRORS.map(([status, description, example]) => ApiResponse({ status, description, content: plainText(example, 300) })),
  );
}

/** A route of the device protocol, answered in plain text (`answer`): 200 to a POST too, as terminals expect. */
export function DeviceRoute(method: typeof Get | typeof Post, path: string | string[], { answer, ...operation }: ApiOperationOptions & { answer: DeviceAnswer }): MethodDecorator {
  return applyDecorators(
    ...(method === Post ? [Post(path), HttpCode(200)] : [Get(path)]),
    Header('Content-Type', 'text/plain'),
    ApiOperation(operation),
    ApiDeviceProtocol(answer),
  );
}

/** A text body of tab-separated lines, LF or CRLF, up to 1 MB. */
export function ApiDeviceLines(description: string, example: string): MethodDecorator {
  return applyDecorators(
    ApiConsumes('text/plain'),
    ApiBody({ required: false, description, schema: { type: 'string', maxLength: MAX_ICLOCK_BODY_BYTES, example } }),
    ApiResponse({ status: 413, description: 'The body is larger than 1 MB', content: plainText('PAYLOAD_TOO_LARGE: The request body is larger than 1048576 bytes', 300) }),
    ApiResponse({
      status: 408,
      description: 'The body stopped arriving (HTTP_BODY_IDLE_TIMEOUT_MS) or took too long (HTTP_REQUEST_TIMEOUT_MS): nothing of it is stored, the connection is closed',
      content: plainText('REQUEST_TIMEOUT: The request body stopped arriving: nothing came for 10000 ms; the connection is closed', 300),
    }),
  );
}

/** An optional query parameter the terminal sends. */
export function ApiDeviceQuery(name: string, description: string, pattern: string, maxLength: number): MethodDecorator {
  return ApiQuery({ name, required: false, description, schema: { type: 'string', pattern, maxLength } });
}

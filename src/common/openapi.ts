import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

const TAGS: [string, string][] = [
  ['auth', 'Sign-in and the signed-in person'],
  ['staff', 'The staff directory (H-ORG-1, H-ORG-3)'],
  ['positions', 'The position catalogue (H-ORG-1)'],
  ['audit', 'The append-only audit log'],
  ['settings', 'Attendance settings, effective from a date (H-ATT-5, H-ATT-6)'],
  ['shifts', 'The office (H-ATT-3) and duty (H-ATT-4) shifts'],
  ['calendar', 'Workdays, statutory holidays and make-up workdays (H-ATT-2)'],
  ['roster', 'The duty roster: one person per date (H-ATT-2)'],
  ['schedule', "Each person's derived schedule"],
  ['punches', 'Clock records (H-ATT-7)'],
  ['devices', 'Attendance terminals and their keys'],
  ['iclock', 'The device protocol (ZKTeco ADMS / PUSH): terminals identified by serial number push punches as plain text (H-ATT-7)'],
  ['attendance', 'Explained day results (H-ATT-1, H-ATT-5 … H-ATT-9)'],
  ['leave', 'Leave types and requests (H-ATT-10, H-ATT-11)'],
  ['leave-balances', 'Leave balances as a ledger, statutory paid annual leave (带薪年休假) and the grant sweep'],
  ['exemptions', 'Business-trip exemptions (H-ATT-8, H-ATT-9, H-ATT-12)'],
  ['punch-corrections', 'Make-up punch requests (补卡): missed punches corrected on approval (H-ATT-7, H-ORG-3, H-ORG-4)'],
  ['overtime-requests', 'Overtime requests (加班): windows outside the shift, capped by 劳动法第41条, credited by 劳动法第44条 once the day is judged (H-ORG-3, H-ORG-4)'],
  ['approvals', 'What waits for a supervisor or the office (H-ORG-3, H-ORG-4)'],
  ['reports', "Finance's monthly report and policy (H-ORG-2, H-ATT-7)"],
  ['months', 'Closing and reopening months'],
  ['handbook', 'The staff handbook in versions, and acknowledgements (H-CON-1 … H-CON-9)'],
  ['disciplinary', 'Disciplinary records (H-CON-8, H-ATT-9)'],
  ['notifications', 'Your messages (in-app) and which also come by e-mail (issue 18)'],
  ['notification-settings', "The office's notification settings: retention, digest hour, reminder and escalation, e-mail defaults"],
  ['notification-channels', 'Group robots (DingTalk, WeCom, Feishu) and signed webhooks (Standard Webhooks)'],
  ['notification-deliveries', 'The delivery log of the outbox, and retrying a failed message'],
  ['health', 'Liveness and database check'],
];

const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': { description: 'Requests allowed per client address and window (RATE_LIMIT_PER_MINUTE)', schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 100000000 } },
  'RateLimit-Remaining': { description: 'Requests left in the current window', schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 100000000 } },
  'RateLimit-Reset': { description: 'Seconds until the window resets', schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 60 } },
};

const CORS_HEADER = {
  'Access-Control-Allow-Origin': {
    description: 'Sent when the request\'s Origin is one of CORS_ORIGINS (none by default: browsers on other origins are refused)',
    schema: { type: 'string', format: 'uri', maxLength: 2000 },
  },
};

const REQUEST_ID_HEADER = {
  'X-Request-Id': {
    description: "The request's id: the caller's own X-Request-Id when it is 1–64 of A-Z a-z 0-9 . _ : -, else a new UUID; in the logs and the audit rows",
    schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,64}$', maxLength: 64 },
  },
};

const RETRY_AFTER = { description: 'Seconds to wait before trying again', schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 86400 } };

// The longest text each string format can take: these formats are validated, so the limit is implied.
const FORMAT_MAX_LENGTH: Record<string, number> = { uuid: 36, date: 10, 'date-time': 35, password: 128 };

type Json = Record<string, unknown>;

const ERROR_BODY = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' } } };

// The body is read (and can be refused) before routing, on every route, whatever its method.
const BODY_ERRORS: [string, string][] = [
  ['400', 'The request is not valid: VALIDATION_FAILED names the fields; MALFORMED_JSON, a body nested too deeply or text that is not valid Unicode on any route'],
  ['413', 'The request body is too large (PAYLOAD_TOO_LARGE)'],
  ['415', 'The body is in a charset or content encoding that cannot be read (UNSUPPORTED_MEDIA_TYPE)'],
];

function visit(node: unknown, fn: (object: Json) => void): void {
  if (Array.isArray(node)) node.forEach((child) => visit(child, fn));
  else if (node && typeof node === 'object') {
    fn(node as Json);
    Object.values(node).forEach((child) => visit(child, fn));
  }
}

/**
 * Adds what every route shares but decorators cannot say once: the rate-limit headers the
 * middleware sends on every response, Retry-After on 429, the length bounds of formatted strings,
 * null in the list of every nullable enum, and the body errors (400, 413, 415) any JSON route can give.
 */
function completeDocument(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path as Record<string, Json>)) {
      // Routes without a bearer requirement are open on purpose (sign-in, health, device protocol).
      operation.security ??= [{}];
      const responses = (operation.responses ?? {}) as Record<string, Json>;
      // Routes answering errors as JSON (all but the device protocol, which documents its own plain-text errors).
      if ((responses['500']?.content as Json | undefined)?.['application/json']) {
        for (const [status, description] of BODY_ERRORS) responses[status] ??= { description, content: ERROR_BODY };
      }
      for (const [status, response] of Object.entries(responses)) {
        if (!/^[24]/.test(status)) continue;
        response.headers = {
          ...REQUEST_ID_HEADER,
          ...RATE_LIMIT_HEADERS,
          ...CORS_HEADER,
          ...(status === '429' ? { 'Retry-After': RETRY_AFTER } : {}),
          ...((response.headers as Json) ?? {}),
        };
      }
    }
  }
  visit(document, (object) => {
    // OpenAPI 3.0.3: `nullable` does not extend an enum; a nullable enum must list null to allow it.
    if (object.nullable === true && Array.isArray(object.enum) && !object.enum.includes(null)) object.enum.push(null);
    if (object.type === 'string' && typeof object.format === 'string' && object.maxLength === undefined && FORMAT_MAX_LENGTH[object.format]) {
      object.maxLength = FORMAT_MAX_LENGTH[object.format];
    }
  });
  return document;
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Kaoqin (考勤) attendance and staff-rules API')
    .setDescription(
      'Attendance, leave and staff rules for a small e-commerce company, faithful to its handbook (clauses H-ATT-…, H-CON-…, H-ORG-…).\n\n' +
        'Every error has one body: `{ statusCode, code, message, details }`, where `code` is a stable UPPER_SNAKE rule name and ' +
        '`details` lists the offending fields. Unknown fields in a body are refused (400). Ids you may not see answer 404. ' +
        'Every response carries RateLimit-* headers; past the limit the answer is 429 with Retry-After.',
    )
    .setVersion('1.0.0')
    .setContact('Kaoqin maintainers', 'https://example.invalid/kaoqin', 'kaoqin@example.invalid')
    .setLicense('Proprietary', 'https://example.invalid/kaoqin/license')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'A JWT from POST /auth/login, signed with HS256 only and checked per RFC8725 (algorithm pinned, expiry enforced, revoked on password change or deactivation).',
      },
      'bearer',
    )
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'opaque', description: 'METRICS_TOKEN, for GET /metrics only (a Prometheus scraper): an opaque shared secret compared in constant time, not a JWT, so RFC8725 does not apply' }, 'metricsToken')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Device-Key', description: 'A device key from POST /devices: it can only add punches' }, 'deviceKey');
  for (const [name, description] of TAGS) builder.addTag(name, description);
  // Relative: each deployment serves this document itself (/docs-json), so its own origin is the server.
  // Internal: the audience is the company's own console, scripts and terminals.
  builder.addServer('/', 'The service that serves this document, in every environment (local, staging, production)', undefined, { 'x-internal': true });
  return completeDocument(SwaggerModule.createDocument(app, builder.build()));
}

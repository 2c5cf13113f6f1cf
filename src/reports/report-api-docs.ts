import { applyDecorators, Get, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
import type { RouteDoc } from '../common/routes';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const CONTENT_DISPOSITION = {
  'Content-Disposition': {
    description: 'CSV and XLSX only: `attachment; filename="…"` with the month in the name',
    schema: { type: 'string', maxLength: 200, pattern: '^attachment; filename=' },
  },
};

/**
 * The one 200 of a report route in its three media types, each with its own schema, so that a
 * generated client types JSON as the DTO and the exports as text or bytes. OpenAPI 3.0 cannot tie
 * a media type to a query value, hence the description.
 */
function ApiReportResponse(json: Type<unknown>, what: string): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(json),
    ApiResponse({
      status: 200,
      description:
        `${what}. The media type follows ?format= (json, csv, xlsx), else the Accept header (text/csv, ${XLSX}), else JSON. ` +
        'CSV is UTF-8 starting with a byte-order mark, lines end in CRLF; XLSX is an Office Open XML workbook.',
      headers: CONTENT_DISPOSITION,
      content: {
        'application/json': { schema: { $ref: getSchemaPath(json) } },
        'text/csv': { schema: { type: 'string', pattern: '^\\uFEFF', maxLength: 100_000_000, description: 'Header line, one line per person, totals last (the grid has no totals)' } },
        [XLSX]: { schema: { type: 'string', format: 'binary', maxLength: 100_000_000 } },
      },
    }),
  );
}

/** GET of a report: JSON (`json` documents it), CSV or XLSX; 400 for a bad month or format. */
export function ReportRoute(path: string, json: Type<unknown>, what: string, operation: Omit<RouteDoc, 'errors'>): MethodDecorator {
  return applyDecorators(Get(path), ApiOperation(operation), ApiReportResponse(json, what), ApiErrors(400));
}

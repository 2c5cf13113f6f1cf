import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Kaoqin (考勤) attendance and staff-rules API')
    .setDescription(
      'Attendance, leave and staff rules for a small e-commerce company, faithful to its handbook (clauses H-ATT-…, H-CON-…, H-ORG-…).\n\n' +
        'Every error has one body: `{ statusCode, code, message, details }`, where `code` is a stable UPPER_SNAKE rule name and ' +
        '`details` lists the offending fields. Unknown fields in a body are refused (400). Ids you may not see answer 404.',
    )
    .setVersion('1.0.0')
    .setContact('Kaoqin maintainers', 'https://example.invalid/kaoqin', 'kaoqin@example.invalid')
    .setLicense('Proprietary', 'https://example.invalid/kaoqin/license')
    .addServer('http://localhost:3000', 'Local service')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'From POST /auth/login' }, 'bearer')
    .build();
  return SwaggerModule.createDocument(app, config);
}

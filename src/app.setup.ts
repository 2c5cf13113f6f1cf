import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { NextFunction, Request, Response, text } from 'express';
import helmet from 'helmet';
import type { AppConfig } from './config/app-config';
import { refuseDeepBodies } from './common/body-depth';
import { requestRateLimit } from './common/rate-limit';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { CompanyProfileService } from './common/i18n/company-profile.service';
import { requestLanguage } from './common/i18n/request-language';
import { buildOpenApiDocument } from './common/openapi';
import { createValidationPipe } from './common/validation';

/** Everything main.ts and the tests share: the app behaves the same in both. */
export function configureApp(app: INestApplication, config: Pick<AppConfig, 'rateLimitPerMinute' | 'corsOrigins'>): void {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  // First, so that every answer, errors included, is in the reader's language.
  app.use(requestLanguage(app.get(CompanyProfileService)));
  app.use(requestRateLimit(config.rateLimitPerMinute));
  app.enableCors({ origin: config.corsOrigins, credentials: false });
  express.useBodyParser('json', { limit: '2mb' });
  app.use(refuseDeepBodies);
  // Text bodies are read whole, except file imports, which are streamed.
  const textParser = text({ limit: '1mb', type: ['text/plain', 'text/csv', 'text/tab-separated-values'] });
  // The terminal protocol (/iclock) reads its own bodies, so that even its errors stay plain text.
  app.use((request: Request, response: Response, next: NextFunction) =>
    request.path === '/punches/import' || request.path.startsWith('/iclock') ? next() : textParser(request, response, next),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Swagger UI styles itself inline and shows its logo as a data: URL.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
        },
      },
    }),
  );
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', customSiteTitle: 'Kaoqin API' });
}

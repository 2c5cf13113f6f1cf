import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { json, NextFunction, Request, Response, text } from 'express';
import helmet from 'helmet';
import type { AppConfig } from './config/app-config';
import { refuseInvalidUtf8, refuseUnfitBodies, verifyJsonBody } from './common/body-limits';
import { requestRateLimit } from './common/rate-limit';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { CompanyProfileService } from './common/i18n/company-profile.service';
import { requestLanguage } from './common/i18n/request-language';
import { buildOpenApiDocument } from './common/openapi';
import { applyServerTimeouts, bodyIdleTimeout, HttpTimeouts } from './common/http-timeouts';
import { createValidationPipe } from './common/validation';
import { serveConsole } from './console/serve-console';
import { requestLogging } from './observability/http-logging';
import { AppLogger, silentLogger } from './observability/logger';
import { Metrics } from './observability/metrics';
import { requestContext } from './observability/request-context';

/**
 * Sign-in answers and everything signed-in callers see are personal: no shared proxy nor the
 * browser's back button may keep them. Only the API description is the same for everyone.
 */
function cacheControl(request: Request, response: Response, next: NextFunction): void {
  const publicDocument = request.path === '/docs-json' || request.path === '/docs' || request.path.startsWith('/docs/');
  // The console's files are the same for everyone; serve-console.ts sets their caching.
  response.setHeader('Cache-Control', publicDocument ? 'no-cache' : 'no-store');
  next();
}

/** Everything main.ts and the tests share: the app behaves the same in both. */
export function configureApp(
  app: INestApplication,
  config: Pick<AppConfig, 'rateLimitPerMinute' | 'corsOrigins' | 'trustProxy' | 'consoleDir'> & HttpTimeouts,
  logger: AppLogger = silentLogger(),
): void {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  // Which X-Forwarded-For hops to believe for req.ip: the per-client rate limit and sign-in limit count by it.
  express.set('trust proxy', config.trustProxy);
  // Before any body is read: slow or stalled clients are cut off (408), see http-timeouts.ts.
  applyServerTimeouts(app.getHttpServer(), config);
  // Before anything that can answer (even a 429 or a 413), so that every answer has its id, log line and count.
  app.use(requestContext);
  // Before anything that can answer, so that every answer, errors included, is in the reader's language.
  app.use(requestLanguage(app.get(CompanyProfileService)));
  app.use(requestLogging(logger));
  app.use(app.get(Metrics).httpMiddleware());
  app.use(cacheControl);
  app.use(bodyIdleTimeout(config.httpBodyIdleTimeoutMs));
  app.use(requestRateLimit(config.rateLimitPerMinute));
  app.enableCors({ origin: config.corsOrigins, credentials: false });
  // express.json directly: Nest's useBodyParser types leave out `verify`. The terminal protocol (/iclock)
  // reads its own bodies, so that even its errors (a malformed JSON body too) stay plain text.
  const jsonParser = json({ limit: '2mb', verify: verifyJsonBody });
  app.use((request: Request, response: Response, next: NextFunction) => (request.path.startsWith('/iclock') ? next() : jsonParser(request, response, next)));
  app.use(refuseUnfitBodies);
  // Text bodies are read whole, except file imports, which are streamed.
  const textParser = text({ limit: '1mb', verify: refuseInvalidUtf8, type: ['text/plain', 'text/csv', 'text/tab-separated-values'] });
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
  // After helmet, so that the console gets the same strict Content-Security-Policy as everything else.
  serveConsole(app, config.consoleDir);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  // Built on the first request for it, once: walking every route's metadata costs a second or more of
  // CPU, which a start (a restart under load, each test's app) should not pay for a page few open.
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json', customSiteTitle: 'Kaoqin API' });
}

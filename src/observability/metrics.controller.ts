import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-docs';
import { DomainError } from '../domain/errors/domain-error';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { Metrics } from './metrics';

const digest = (text: string) => createHash('sha256').update(text).digest();

@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  @Get()
  // Not a staff member's route: a scraper holds METRICS_TOKEN, not a sign-in token that expires.
  @Public()
  @ApiBearerAuth('metricsToken')
  @ApiOperation({
    summary: 'Prometheus metrics',
    description:
      'Prometheus text format. Needs "Authorization: Bearer <METRICS_TOKEN>"; 404 while METRICS_TOKEN is unset, 401 METRICS_TOKEN_INVALID with a missing or wrong token.',
  })
  @ApiOkResponse({ description: 'The metrics in the Prometheus text exposition format 0.0.4', content: { 'text/plain': { schema: { type: 'string', pattern: '^# HELP ', maxLength: 10_000_000 } } } })
  @ApiErrors(401, 404)
  async scrape(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) response: Response): Promise<string> {
    const expected = this.config.metricsToken;
    // Unset: the route behaves as if it did not exist, so a deployment that does not scrape exposes nothing.
    if (expected === null) throw new DomainError('not_found', 'NOT_FOUND', 'Cannot GET /metrics');
    const given = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
    // Digests first: timingSafeEqual needs equal lengths, and the token's length is no one's business.
    if (!timingSafeEqual(digest(given), digest(expected))) {
      response.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new DomainError('unauthorized', 'METRICS_TOKEN_INVALID', 'Send "Authorization: Bearer <METRICS_TOKEN>"');
    }
    response.type(this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}

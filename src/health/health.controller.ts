import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-docs';
import { HealthDto } from './dto/health.dto';
import { healthCheckFailed } from './health.errors';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @Public()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Liveness and database check', description: 'No sign-in needed; 503 HEALTH_CHECK_FAILED, naming the failed check in details, when the database does not answer within 3 s.' })
  @ApiOkResponse({ description: 'The service and its database answer', type: HealthDto })
  // 503 when a check fails (HEALTH_CHECK_FAILED, details name it); 429 as on every route (the rate limit counts health checks too).
  @ApiErrors()
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.database.pingCheck('database', { timeout: 3000 })]);
    } catch (error) {
      // Terminus answers 503 with its own body; the caller gets the one error shape, naming the failed checks.
      if (error instanceof ServiceUnavailableException) throw healthCheckFailed(error.getResponse());
      throw error;
    }
  }
}

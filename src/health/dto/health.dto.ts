import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One check's result, as @nestjs/terminus reports it. */
export class HealthIndicatorDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status: 'up' | 'down';

  @ApiPropertyOptional({ maxLength: 1000, description: 'Why a check is down' })
  message?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 2147483647, type: 'integer', format: 'int32', description: 'How long the check took, in milliseconds' })
  responseTime?: number;
}

/** The checks by name: only the database today. */
export class HealthChecksDto {
  @ApiPropertyOptional({ type: HealthIndicatorDto })
  database?: HealthIndicatorDto;
}

/** Terminus's answer when every check is up. */
export class HealthDto {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';

  @ApiProperty({ type: HealthChecksDto, description: 'The checks that are up' })
  info: HealthChecksDto;

  @ApiProperty({ type: HealthChecksDto, description: 'The checks that are down (empty when the answer is 200)' })
  error: HealthChecksDto;

  @ApiProperty({ type: HealthChecksDto, description: 'Every check' })
  details: HealthChecksDto;
}

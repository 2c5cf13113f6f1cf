import { ApiProperty } from '@nestjs/swagger';
import { MAX_ERROR_DETAILS } from './all-exceptions.filter';

export class ErrorDetailDto {
  @ApiProperty({ example: 'username', maxLength: 200 })
  field: string;

  @ApiProperty({ example: 'username must be shorter than or equal to 64 characters', maxLength: 1000 })
  message: string;
}

/** The one error body of every route. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400, minimum: 400, maximum: 599, type: 'integer', format: 'int32' })
  statusCode: number;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable UPPER_SNAKE name of the rule that failed', maxLength: 64 })
  code: string;

  @ApiProperty({ example: 'The request is not valid', maxLength: 1000 })
  message: string;

  @ApiProperty({ type: [ErrorDetailDto], maxItems: MAX_ERROR_DETAILS, description: 'The offending fields, empty when the error is not about a field; at most 100, the last then saying how many more there were' })
  details: ErrorDetailDto[];
}

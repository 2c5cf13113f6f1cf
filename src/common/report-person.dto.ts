import { ApiProperty } from '@nestjs/swagger';
import { ApiUuid } from './api-properties';

/** Whom a line of the report or the grid is about. */
export class ReportPersonDto {
  @ApiUuid()
  staffId: string;

  @ApiProperty({ maxLength: 32 })
  employeeNo: string;

  @ApiProperty({ maxLength: 100 })
  name: string;
}

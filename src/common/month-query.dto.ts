import { MonthField, UuidField } from './fields';

export class MonthQueryDto {
  @MonthField()
  month: string;
}

/** One person's month (attendance, schedule). */
export class StaffMonthQueryDto extends MonthQueryDto {
  @UuidField()
  staffId: string;
}

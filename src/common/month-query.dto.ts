import { MonthField } from './fields';

export class MonthQueryDto {
  @MonthField()
  month: string;
}

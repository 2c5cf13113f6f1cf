import { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { EnumField, UuidField } from './fields';

export const MAX_PAGE_SIZE = 200;

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100000, default: 1, type: 'integer', format: 'int32' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50, type: 'integer', format: 'int32' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = 50;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export function pageOf<T>(items: T[], total: number, query: PageQueryDto): Page<T> {
  return { items, page: query.page, pageSize: query.pageSize, total };
}

export function pageOffset(query: PageQueryDto): number {
  return (query.page - 1) * query.pageSize;
}

/** A documented page class for one item type, so that the OpenAPI document shows the items' schema. */
export function PageDto<T>(item: ClassType<T>, name: string): ClassType<Page<T>> {
  class PageOfItems implements Page<T> {
    @ApiProperty({ type: [item], maxItems: MAX_PAGE_SIZE })
    items: T[];

    @ApiProperty({ example: 1, minimum: 1, maximum: 100000, type: 'integer', format: 'int32' })
    page: number;

    @ApiProperty({ example: 50, minimum: 1, maximum: MAX_PAGE_SIZE, type: 'integer', format: 'int32' })
    pageSize: number;

    @ApiProperty({ example: 1, minimum: 0, maximum: 2147483647, type: 'integer', format: 'int32' })
    total: number;
  }
  Object.defineProperty(PageOfItems, 'name', { value: name });
  return PageOfItems;
}

/**
 * The query of a page of people's records that move through states (exemptions, disciplinary
 * records): whose, and in which state. Used as the class itself, not extended: a subclass's
 * failures would list the page fields before these.
 */
export function PersonStateQueryDto(statuses: readonly string[]): ClassType<PageQueryDto & { staffId?: string; status?: string }> {
  class PersonStateQuery extends PageQueryDto {
    @UuidField({ optional: 'or-null' })
    staffId?: string;

    @EnumField(statuses, { optional: 'or-null' })
    status?: string;
  }
  return PersonStateQuery;
}

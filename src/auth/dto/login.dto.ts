import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { StaffDto } from '../../staff/dto/staff.dto';

export class LoginDto {
  @ApiProperty({ example: 'admin', minLength: 1, maxLength: 64 })
  @IsString()
  @Length(1, 64)
  username: string;

  @ApiProperty({ example: 'correct horse battery staple', minLength: 1, maxLength: 128, format: 'password' })
  @IsString()
  @Length(1, 128)
  password: string;
}

export class LoginResultDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>`', maxLength: 2000 })
  accessToken: string;

  @ApiProperty({ example: 'Bearer', enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires', example: 28800, minimum: 60, maximum: 2592000, type: 'integer', format: 'int32' })
  expiresIn: number;

  @ApiProperty({ type: StaffDto })
  staff: StaffDto;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { TextField } from '../../common/fields';
import { StaffDto } from '../../staff/dto/staff.dto';

export class LoginDto {
  @TextField({ example: 'admin', minLength: 1, maxLength: 64 })
  username: string;

  @ApiProperty({ example: 'correct horse battery staple', minLength: 1, maxLength: 128, format: 'password' })
  // Not held to the text rules (src/common/text.ts): it is only compared with a stored hash, and a
  // password set before those rules existed must still sign in. New passwords are held to them.
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

import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class DiffQuery {
  @ApiProperty() @Matches(/^\d{1,6}$/, { message: 'against must be a version number' }) against!: string;
}

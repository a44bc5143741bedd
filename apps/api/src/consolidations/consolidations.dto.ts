import { DateOnly, Text } from '../common/validation';

/** POST /api/cycles/:id/consolidations */
export class CreateConsolidationDto {
  @Text(2000, { optional: true }) note?: string;
}

/** POST /api/consolidations/:id/approve: the leadership's decision record. */
export class ApproveConsolidationDto {
  @Text(100) decisionNumber!: string;
  @DateOnly() decisionDate!: string;
  @Text(200) signer!: string;
  @Text(2000, { optional: true }) comment?: string;
}

/** POST /api/consolidations/:id/return */
export class ReturnConsolidationDto {
  @Text(2000) reason!: string;
}

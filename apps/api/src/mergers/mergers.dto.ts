import { DateOnly } from '../common/validation';
import { UuidField } from '../common/uuid-field';

export class MergeDto {
  @UuidField() intoOrganizationId!: string;
  /** The day the merger takes effect: the merged organisation's `validTo`. */
  @DateOnly() effectiveDate!: string;
}

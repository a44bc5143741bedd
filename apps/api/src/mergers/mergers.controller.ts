import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IdempotencyKey, idempotencyKey } from '../common/idempotency';
import { Ok, Operation, Problems } from '../common/openapi';
import { UuidPipe } from '../common/validation';
import { CurrentUser, Principal, Roles } from '../identity/principal';
import { MergeDto } from './mergers.dto';
import { MergersService } from './mergers.service';
import { LineageView, MergeView } from './mergers.views';

@ApiTags('mergers')
@Controller('organizations')
export class MergersController {
  constructor(private readonly mergers: MergersService) {}

  @Roles('ADMIN')
  @Post(':id/merge')
  @HttpCode(200)
  @IdempotencyKey()
  @Operation(
    'mergeOrganization',
    'Merge an organisation into its successor (a province merger)',
    'Users move to the successor; a provincial union’s DRAFT or REVISION_REQUESTED plan of an OPEN ' +
      'cycle is combined into the successor’s plan and withdrawn with the reason MERGED.',
  )
  @Ok(MergeView)
  @Problems(400, 403, 404, 409, 413, 422)
  merge(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: MergeDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.mergers.merge(p, id, dto, idempotencyKey(key));
  }

  @Get(':id/lineage')
  @Operation('getOrganizationLineage', 'An organisation and the organisations merged into it')
  @Ok(LineageView)
  @Problems(404, 422)
  lineage(@Param('id', UuidPipe) id: string) {
    return this.mergers.lineage(id);
  }
}

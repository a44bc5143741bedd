import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DomainError } from '@vufo/domain';
import { PageQuery } from '../common/cursor';
import { UuidPipe } from '../common/validation';
import { CurrentUser, Principal } from '../identity/principal';
import { DiffQuery } from './audit.dto';
import { AuditService } from './audit.service';
import { Ok, Operation, Problems } from '../common/openapi';
import { DiffView, HistoryPage, PlanVersionPage, VerificationView } from './audit.views';

@ApiTags('audit')
@Controller('plans/:id')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('history')
  @Operation('getPlanHistory', "The plan's audit events, oldest first")
  @Ok(HistoryPage)
  @Problems(404, 422)
  history(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string, @Query() q: PageQuery) {
    return this.audit.history(p, id, q);
  }

  @Get('history/verify')
  @Operation('verifyPlanHistory', "Check the plan's hash chain: was any event edited, removed or inserted?")
  @Ok(VerificationView)
  @Problems(404, 422)
  verify(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string) {
    return this.audit.verify(p, id);
  }

  @Get('versions')
  @Operation('listPlanVersions', "The plan's submitted versions")
  @Ok(PlanVersionPage)
  @Problems(404, 422)
  versions(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string) {
    return this.audit.versions(p, id);
  }

  @Get('versions/:n/diff')
  @Operation('diffPlanVersions', 'What changed between two submitted versions')
  @Ok(DiffView)
  @Problems(404, 422)
  diff(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('n') n: string,
    @Query() q: DiffQuery,
  ) {
    if (!/^\d{1,6}$/.test(n))
      throw new DomainError('VALIDATION_FAILED', 'version must be a number', [
        { field: 'n', message: 'not a number' },
      ]);
    return this.audit.diff(p, id, Number(n), Number(q.against));
  }

  /** The working copy against the last submitted version (`to` is null: not a version yet). */
  @Get('changes')
  @Operation('getWorkingChanges', 'What the working copy changes against the last submitted version')
  @Ok(DiffView)
  @Problems(404, 422)
  changes(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string) {
    return this.audit.workingChanges(p, id);
  }
}

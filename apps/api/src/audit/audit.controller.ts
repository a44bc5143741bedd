import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@vufo/domain';
import { PageQuery } from '../common/cursor';
import { UuidPipe } from '../common/validation';
import { CurrentUser, Principal } from '../identity/principal';
import { DiffQuery } from './audit.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('plans/:id')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('history')
  history(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string, @Query() q: PageQuery) {
    return this.audit.history(p, id, q);
  }

  @Get('history/verify')
  verify(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string) {
    return this.audit.verify(p, id);
  }

  @Get('versions')
  versions(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string) {
    return this.audit.versions(p, id);
  }

  @Get('versions/:n/diff')
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
  changes(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string) {
    return this.audit.workingChanges(p, id);
  }
}

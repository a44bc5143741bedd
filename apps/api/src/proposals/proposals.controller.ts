import { Body, Controller, Get, Headers, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { UuidPipe } from '../common/validation';
import { CurrentUser, Principal, Roles } from '../identity/principal';
import { parseIfMatch } from '../common/if-match';
import { CreateProposalDto, UpdateProposalDto } from './proposals.dto';
import { ProposalsService } from './proposals.service';
import { UuidField } from '../common/uuid-field';
import { PageQuery } from '../common/cursor';

class ProposalQuery extends PageQuery {
  @UuidField({ optional: true }) cycleId?: string;
}

@ApiTags('proposals')
@ApiBearerAuth()
@Controller()
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Roles('PLAN_EDITOR')
  @Post('cycles/:id/proposals')
  create(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) cycleId: string,
    @Body() dto: CreateProposalDto,
  ) {
    return this.proposals.create(p, cycleId, dto);
  }

  @Get('proposals')
  list(@CurrentUser() p: Principal, @Query() q: ProposalQuery) {
    return this.proposals.list(p, q);
  }

  @Get('proposals/:id')
  get(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string) {
    return this.proposals.get(p, id);
  }

  @Roles('PLAN_EDITOR')
  @Patch('proposals/:id')
  update(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdateProposalDto,
  ) {
    return this.proposals.update(p, id, parseIfMatch(ifMatch), dto);
  }
}

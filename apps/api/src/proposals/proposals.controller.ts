import { Body, Controller, Get, Headers, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UuidPipe } from '../common/validation';
import { CurrentUser, Principal, Roles } from '../identity/principal';
import { IfMatch, parseIfMatch } from '../common/if-match';
import { CreateProposalDto, UpdateProposalDto } from './proposals.dto';
import { ProposalsService } from './proposals.service';
import { UuidField } from '../common/uuid-field';
import { PageQuery } from '../common/cursor';
import { Created, Ok, Operation, Problems } from '../common/openapi';
import { ProposalPage, ProposalView } from './proposals.views';

class ProposalQuery extends PageQuery {
  @UuidField({ optional: true }) cycleId?: string;
}

@ApiTags('proposals')
@Controller()
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Roles('PLAN_EDITOR')
  @Post('cycles/:id/proposals')
  @Operation('createProposal', 'Draft a proposal (supplementary activity, budget adjustment, recommendation)')
  @Created(ProposalView)
  @Problems(403, 404, 400, 413, 422)
  create(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) cycleId: string,
    @Body() dto: CreateProposalDto,
  ) {
    return this.proposals.create(p, cycleId, dto);
  }

  @Get('proposals')
  @Operation('listProposals', 'Proposals the caller may see, newest first')
  @Ok(ProposalPage)
  @Problems(422)
  list(@CurrentUser() p: Principal, @Query() q: ProposalQuery) {
    return this.proposals.list(p, q);
  }

  @Get('proposals/:id')
  @Operation('getProposal', 'A proposal')
  @Ok(ProposalView)
  @Problems(404, 422)
  get(@CurrentUser() p: Principal, @Param('id', UuidPipe) id: string) {
    return this.proposals.get(p, id);
  }

  @Roles('PLAN_EDITOR')
  @IfMatch()
  @Patch('proposals/:id')
  @Operation('updateProposal', 'Edit a draft proposal')
  @Ok(ProposalView)
  @Problems(403, 404, 409, 400, 413, 422)
  update(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdateProposalDto,
  ) {
    return this.proposals.update(p, id, parseIfMatch(ifMatch), dto);
  }
}

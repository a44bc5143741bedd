import {
  Body,
  Controller,
  createParamDecorator,
  ExecutionContext,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PageQuery } from '../common/cursor';
import { Language, languageOf } from '../common/problem-text';
import { IdempotencyKey, idempotencyKey } from '../common/idempotency';
import { Created, Ok, Operation, Problems } from '../common/openapi';
import { UuidPipe } from '../common/validation';
import { CurrentUser, Principal, Roles } from '../identity/principal';
import { HistoryPage, VerificationView } from '../audit/audit.views';
import {
  ApproveConsolidationDto,
  CreateConsolidationDto,
  ReturnConsolidationDto,
} from './consolidations.dto';
import { ConsolidationsService } from './consolidations.service';
import { ConsolidationPage, ConsolidationView } from './consolidations.views';

/** The client's language (Accept-Language, API.md): roll-up labels in English on request. */
const Lang = createParamDecorator((_data: unknown, ctx: ExecutionContext): Language =>
  languageOf(
    ctx.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers[
      'accept-language'
    ],
  ),
);

/** The central union's national plan (API.md "Consolidation"): central roles only. */
@ApiTags('consolidations')
@Controller()
export class ConsolidationsController {
  constructor(private readonly consolidations: ConsolidationsService) {}

  @Roles('CONSOLIDATOR')
  @Post('cycles/:id/consolidations')
  @IdempotencyKey()
  @Operation(
    'createConsolidation',
    "Consolidate the cycle's approved plans into the national plan (or a supplementary one)",
    'Every APPROVED plan of the cycle that no approved or pending consolidation holds, frozen at ' +
      'its approved version; 409 NOTHING_TO_CONSOLIDATE or CONSOLIDATION_PENDING.',
  )
  @Created(ConsolidationView)
  @Problems(400, 403, 404, 409, 413, 422)
  create(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: CreateConsolidationDto,
    @Lang() lang: Language,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.consolidations.create(p, id, dto.note, idempotencyKey(key), lang);
  }

  @Roles('CONSOLIDATOR', 'LEADER')
  @Get('cycles/:id/consolidations')
  @Operation('listConsolidations', "The cycle's consolidations")
  @Ok(ConsolidationPage)
  @Problems(404, 422)
  list(@Param('id', UuidPipe) id: string, @Query() q: PageQuery, @Lang() lang: Language) {
    return this.consolidations.list(id, q, lang);
  }

  @Roles('CONSOLIDATOR', 'LEADER')
  @Get('consolidations/:id')
  @Operation('getConsolidation', 'A consolidation: its plans, the unions missing, the roll-ups, the decision')
  @Ok(ConsolidationView)
  @Problems(404, 422)
  get(@Param('id', UuidPipe) id: string, @Lang() lang: Language) {
    return this.consolidations.get(id, lang);
  }

  @Roles('LEADER')
  @Post('consolidations/:id/approve')
  @HttpCode(200)
  @IdempotencyKey()
  @Operation(
    'approveConsolidation',
    'The leadership approves the consolidation with its decision',
    'Its plans move to IN_ROLLOUT and the cycle to IN_ROLLOUT; 409 INVALID_TRANSITION unless PENDING_APPROVAL.',
  )
  @Ok(ConsolidationView)
  @Problems(400, 403, 404, 409, 413, 422)
  approve(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: ApproveConsolidationDto,
    @Lang() lang: Language,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.consolidations.approve(p, id, dto, idempotencyKey(key), lang);
  }

  @Roles('LEADER')
  @Post('consolidations/:id/return')
  @HttpCode(200)
  @IdempotencyKey()
  @Operation(
    'returnConsolidation',
    'The leadership returns the consolidation with a reason',
    'RETURNED; its plans can be consolidated again.',
  )
  @Ok(ConsolidationView)
  @Problems(400, 403, 404, 409, 413, 422)
  return(
    @CurrentUser() p: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: ReturnConsolidationDto,
    @Lang() lang: Language,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.consolidations.return(p, id, dto, idempotencyKey(key), lang);
  }

  @Roles('CONSOLIDATOR', 'LEADER')
  @Get('consolidations/:id/history')
  @Operation('getConsolidationHistory', "The consolidation's audit events, oldest first")
  @Ok(HistoryPage)
  @Problems(404, 422)
  history(@Param('id', UuidPipe) id: string, @Query() q: PageQuery) {
    return this.consolidations.history(id, q);
  }

  @Roles('CONSOLIDATOR', 'LEADER')
  @Get('consolidations/:id/history/verify')
  @Operation('verifyConsolidationHistory', "Check the consolidation's hash chain")
  @Ok(VerificationView)
  @Problems(404, 422)
  verify(@Param('id', UuidPipe) id: string) {
    return this.consolidations.verify(id);
  }
}

import type { INestApplicationContext } from '@nestjs/common';
import type { Projector } from '@vufo/engine';
import { ReadModels } from '../../api/src/approval/read-models';

/** The read-model projector of the API, from the container: both hosts project through the same code. */
export function projectorOf(ctx: Pick<INestApplicationContext, 'get'>): Projector {
  const readModels = ctx.get(ReadModels);
  return (em, written) => readModels.project(em, written);
}

import type { INestApplicationContext } from '@nestjs/common';
import { Projector, ReadModels } from '@vufo/engine';

/** The read-model projector from the container: both hosts project through the same code (libs/engine). */
export function projectorOf(ctx: Pick<INestApplicationContext, 'get'>): Projector {
  const readModels = ctx.get(ReadModels);
  return (em, written) => readModels.project(em, written);
}

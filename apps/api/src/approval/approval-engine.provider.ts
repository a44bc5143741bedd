import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { DEFAULT_HOLIDAY_DATES_VN } from '@vufo/domain';
import {
  ApprovalEngine,
  lockPlanStream,
  persistPlanBatches,
  ReadModels,
  storedPayloadCodec,
  TemporalApprovalEngine,
} from '@vufo/engine';
import { Clock } from '../common/clock';
import { Tx } from '../common/transaction';
import { APP_CONFIG, AppConfig } from '../config';
import { DATABASE_URL } from '../database/database.module';
import { EmbeddedApprovalEngine } from './embedded-engine';

/** The API's connection to Temporal (only with APPROVAL_ENGINE=temporal), closed on shutdown. */
@Injectable()
export class TemporalConnection implements OnApplicationShutdown {
  private connection: Connection | null = null;
  private closePayloads: (() => Promise<void>) | null = null;

  private pending: Promise<Client> | null = null;

  constructor(@Inject(DATABASE_URL) private readonly databaseUrl: string) {}

  /** One client for every engine of the API (plans, consolidations): connected on first use. */
  client(config: AppConfig): Promise<Client> {
    this.pending ??= this.connect(config);
    return this.pending;
  }

  private async connect(config: AppConfig): Promise<Client> {
    try {
      this.connection = await Connection.connect({ address: config.temporalAddress, connectTimeout: '5s' });
    } catch (err) {
      // Fail the start loudly: an API that cannot reach its engine must not accept commands.
      throw new Error(`Cannot reach Temporal at ${config.temporalAddress}: ${(err as Error).message}`, {
        cause: err,
      });
    }
    // Large payloads go by reference, as the worker expects (libs/engine payload-store).
    const payloads = storedPayloadCodec(this.databaseUrl);
    this.closePayloads = payloads.close;
    return new Client({
      connection: this.connection,
      namespace: config.temporalNamespace,
      dataConverter: { payloadCodecs: [payloads.codec] },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection?.close();
    await this.closePayloads?.();
  }
}

/** APPROVAL_ENGINE picks the host behind the port; the default stays embedded. */
export const approvalEngineProvider: Provider = {
  provide: ApprovalEngine,
  inject: [APP_CONFIG, EmbeddedApprovalEngine, TemporalConnection, Tx, Clock, ReadModels],
  useFactory: async (
    config: AppConfig,
    embedded: EmbeddedApprovalEngine,
    temporal: TemporalConnection,
    tx: Tx,
    clock: Clock,
    readModels: ReadModels,
  ): Promise<ApprovalEngine> => {
    if (config.approvalEngine !== 'temporal') return embedded;
    return new TemporalApprovalEngine({
      client: await temporal.client(config),
      taskQueue: config.temporalTaskQueue,
      holidays: config.holidays ?? DEFAULT_HOLIDAY_DATES_VN,
      now: () => clock.now(),
      // In the request's transaction (read-your-writes); the worker's activity then finds it written.
      persist: (batches) =>
        tx.run((em) => persistPlanBatches(em, batches, (em2, written) => readModels.project(em2, written))),
      lock: (planId, creating) => tx.run((em) => lockPlanStream(em, planId, creating)),
    });
  },
};

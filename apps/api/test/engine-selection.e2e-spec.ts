/** APPROVAL_ENGINE selects the host behind the port; the Temporal host refuses to start without Temporal. */
import { Client, Connection } from '@temporalio/client';
import { ApprovalEngine, ConsolidationEngine, TemporalApprovalEngine } from '@vufo/engine';
import { TemporalConnection } from '../src/approval/approval-engine.provider';
import { loadConfig } from '../src/config';
import { startTestApp } from '../../../test/support/test-app';

describe('approval engine selection', () => {
  it('is embedded by default', async () => {
    const t = await startTestApp({ seedDemo: false });
    try {
      expect(t.app.get(ApprovalEngine).kind).toBe('embedded');
      expect(t.app.get(ConsolidationEngine).kind).toBe('embedded');
    } finally {
      await t.close();
    }
  });

  // Through the provider's connection: Nest aborts the process on a failed provider (that is the
  // loud failure in production), which a test cannot observe from inside.
  it('APPROVAL_ENGINE=temporal with an unreachable TEMPORAL_ADDRESS fails fast with the address', async () => {
    const config = loadConfig({
      APPROVAL_ENGINE: 'temporal',
      TEMPORAL_ADDRESS: '127.0.0.1:1',
      DATA_DIR: '.data-test/app',
      JWT_SECRET: 'x',
    });
    const started = Date.now();
    await expect(new TemporalConnection('postgres://unused@127.0.0.1:1/x').client(config)).rejects.toThrow(
      /Cannot reach Temporal at 127\.0\.0\.1:1/,
    );
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('the Temporal host reports not ready when its frontend stops answering (health then says 503)', async () => {
    const connection = await Connection.lazy({ address: '127.0.0.1:1' });
    const engine = new TemporalApprovalEngine({
      client: new Client({ connection }),
      taskQueue: 'plan-approval',
      holidays: [],
      now: () => new Date(),
      persist: async () => [],
      lock: async () => 0,
    });
    const started = Date.now();
    await expect(engine.ready()).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
    await connection.close();
  });
});

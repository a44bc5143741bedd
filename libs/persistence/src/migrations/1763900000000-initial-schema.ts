import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS app`);
    await q.query(`
      CREATE TABLE app.organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name_vi text NOT NULL,
        name_en text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('CENTRAL_UNION','PROVINCIAL_UNION','APPRAISAL_AGENCY')),
        province_code text,
        cluster int,
        serves_organization_id uuid REFERENCES app.organizations(id),
        function text CHECK (function IN ('CONTENT','BUDGET','FINAL')),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','MERGED')),
        merged_into_id uuid REFERENCES app.organizations(id),
        valid_to date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'APPRAISAL_AGENCY') = (function IS NOT NULL AND serves_organization_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ON app.organizations (serves_organization_id, function)`);
    await q.query(`
      CREATE TABLE app.users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        login text NOT NULL,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        email text,
        organization_id uuid NOT NULL REFERENCES app.organizations(id),
        roles text[] NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_login_key ON app.users (lower(login))`);
    await q.query(`CREATE INDEX ON app.users (organization_id)`);
    await q.query(`
      CREATE TABLE app.cycles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year int NOT NULL UNIQUE,
        title text NOT NULL,
        submission_deadline date NOT NULL,
        review_sla_days int NOT NULL CHECK (review_sla_days > 0),
        revision_sla_days int NOT NULL CHECK (revision_sla_days > 0),
        reminder_working_days int[] NOT NULL DEFAULT '{5,1}',
        route jsonb NOT NULL,
        status text NOT NULL DEFAULT 'OPEN',
        created_by uuid NOT NULL REFERENCES app.users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`
      CREATE TABLE app.plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL REFERENCES app.cycles(id),
        organization_id uuid NOT NULL REFERENCES app.organizations(id),
        title text NOT NULL,
        objectives text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'DRAFT',
        version int NOT NULL DEFAULT 1,
        submitted_version int NOT NULL DEFAULT 0,
        current_round int NOT NULL DEFAULT 0,
        machine_state jsonb,
        stream_seq int NOT NULL DEFAULT 0,
        stream_hash text,
        flags jsonb NOT NULL DEFAULT '{}',
        decision jsonb,
        approved_total numeric(20,0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One live plan per union and cycle; a rejected or withdrawn plan makes room for a new one.
    await q.query(
      `CREATE UNIQUE INDEX plans_one_live_per_union ON app.plans (cycle_id, organization_id) WHERE status NOT IN ('REJECTED','WITHDRAWN')`,
    );
    await q.query(`CREATE INDEX ON app.plans (organization_id)`);
    await q.query(`CREATE INDEX ON app.plans (cycle_id, status)`);
    await q.query(`
      CREATE TABLE app.activities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES app.plans(id) ON DELETE CASCADE,
        code text NOT NULL,
        title text NOT NULL,
        type text NOT NULL,
        period_start text,
        period_end text,
        location text,
        partner_countries text[] NOT NULL DEFAULT '{}',
        partner_organizations text[] NOT NULL DEFAULT '{}',
        lead_unit text,
        coordinating_units text[] NOT NULL DEFAULT '{}',
        expected_results text,
        priority text NOT NULL DEFAULT 'MEDIUM',
        source_province text,
        implementation_status text,
        actual_spend numeric(20,0) CHECK (actual_spend >= 0),
        results text,
        position int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ON app.activities (plan_id, position)`);
    await q.query(`
      CREATE TABLE app.budget_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        activity_id uuid NOT NULL REFERENCES app.activities(id) ON DELETE CASCADE,
        plan_id uuid NOT NULL REFERENCES app.plans(id) ON DELETE CASCADE,
        category text NOT NULL,
        description text NOT NULL,
        quantity int NOT NULL CHECK (quantity > 0),
        unit text NOT NULL,
        unit_cost numeric(20,0) NOT NULL CHECK (unit_cost >= 0),
        amount numeric(20,0) NOT NULL CHECK (amount >= 0),
        funding_source text NOT NULL,
        guest_class text,
        member_role text,
        norm_article text,
        payer text NOT NULL DEFAULT 'VIETNAMESE_SIDE',
        approved_amount numeric(20,0) CHECK (approved_amount >= 0 AND approved_amount <= amount),
        approval_comment text,
        position int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ON app.budget_lines (plan_id)`);
    await q.query(`CREATE INDEX ON app.budget_lines (activity_id, position)`);
    await q.query(`
      CREATE TABLE app.proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL REFERENCES app.cycles(id),
        plan_id uuid REFERENCES app.plans(id),
        organization_id uuid NOT NULL REFERENCES app.organizations(id),
        kind text NOT NULL,
        title text NOT NULL,
        content text NOT NULL DEFAULT '',
        requested_amount numeric(20,0) CHECK (requested_amount >= 0),
        funding_source text,
        status text NOT NULL DEFAULT 'DRAFT',
        version int NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES app.users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ON app.proposals (organization_id, cycle_id)`);
    await q.query(`
      CREATE TABLE app.norm_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        circular text NOT NULL,
        article text NOT NULL,
        category text NOT NULL,
        guest_class text NOT NULL,
        member text NOT NULL,
        cap bigint NOT NULL CHECK (cap >= 0),
        unit text NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        note text
      )`);
    await q.query(`
      CREATE TABLE app.events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        stream_type text NOT NULL,
        stream_id uuid NOT NULL,
        seq int NOT NULL,
        type text NOT NULL,
        actor_id uuid,
        actor_name text,
        acting_for_id uuid,
        acting_for_name text,
        organization_id uuid,
        occurred_at timestamptz NOT NULL,
        payload jsonb NOT NULL,
        idempotency_key text,
        prev_hash text,
        hash text NOT NULL,
        UNIQUE (stream_id, seq)
      )`);
    await q.query(`
      CREATE TABLE app.idempotency_keys (
        actor_id text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status int NOT NULL,
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (actor_id, key)
      )`);
    // Read model of the machine's reviews: inboxes, visibility of routed plans, dashboards.
    await q.query(`
      CREATE TABLE app.reviews (
        id uuid PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES app.plans(id),
        round int NOT NULL,
        stage int NOT NULL,
        function text NOT NULL,
        agency_id uuid NOT NULL REFERENCES app.organizations(id),
        status text NOT NULL,
        opened_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        overdue boolean NOT NULL DEFAULT false,
        decided_at timestamptz,
        decided_by uuid,
        decided_by_name text,
        acting_for_name text,
        comment text,
        lines jsonb
      )`);
    await q.query(`CREATE INDEX ON app.reviews (agency_id, status, due_at)`);
    await q.query(`CREATE INDEX ON app.reviews (plan_id)`);
    // Immutable snapshots of what was submitted: what reviewers judged, what diffs compare.
    await q.query(`
      CREATE TABLE app.plan_versions (
        plan_id uuid NOT NULL REFERENCES app.plans(id),
        version int NOT NULL,
        submitted_at timestamptz NOT NULL,
        submitted_by uuid,
        content jsonb NOT NULL,
        PRIMARY KEY (plan_id, version)
      )`);
    // Durable timers: fired by whichever process claims the row (FOR UPDATE SKIP LOCKED), inside the
    // same transaction as the DeadlineReached command, so a crash rolls both back together.
    await q.query(`
      CREATE TABLE app.timers (
        stream_id uuid NOT NULL,
        key text NOT NULL,
        timer text NOT NULL,
        due_at timestamptz NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        fired_at timestamptz,
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        PRIMARY KEY (stream_id, key)
      )`);
    await q.query(`CREATE INDEX timers_due ON app.timers (due_at) WHERE fired_at IS NULL`);
    await q.query(`
      CREATE TABLE app.notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app.users(id),
        kind text NOT NULL,
        severity text NOT NULL,
        plan_id uuid,
        params jsonb NOT NULL DEFAULT '{}',
        event_id bigint,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        emailed_at timestamptz,
        digest_date date,
        UNIQUE (user_id, event_id, kind)
      )`);
    await q.query(`CREATE INDEX ON app.notifications (user_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE app.delegations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES app.organizations(id),
        from_user_id uuid NOT NULL REFERENCES app.users(id),
        to_user_id uuid NOT NULL REFERENCES app.users(id),
        valid_from timestamptz NOT NULL,
        valid_to timestamptz NOT NULL,
        reason text,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_to > valid_from),
        CHECK (from_user_id <> to_user_id)
      )`);
    await q.query(`CREATE INDEX ON app.delegations (to_user_id, agency_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA app CASCADE`);
  }
}

import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../api/problem';
import type { Cluster, Organization } from '../api/types';
import { useMe } from '../auth/auth';
import { errorMessage } from '../common/errors';
import { orgName } from '../common/names';
import { ErrorState, Loading } from '../common/states';
import { usePageTitle } from '../common/usePageTitle';
import { useCycle } from '../cycles/cyclesApi';
import { useUnions } from '../mergers/mergersApi';
import { useClusters, useReplaceClusters } from './clustersApi';

interface Row {
  number: number | null;
  name: string;
  headOrganizationId?: string;
  deputyOrganizationId?: string;
  memberOrganizationIds: string[];
}

/** A cycle's emulation clusters: everyone reads them, the consolidator edits them. */
export default function ClustersPage() {
  const { t } = useTranslation();
  usePageTitle(t('clusters.title'));
  const { cycleId } = useParams();
  const cycle = useCycle(cycleId);
  const clusters = useClusters(cycleId);
  const unions = useUnions();
  if (clusters.isPending || unions.isPending) return <Loading />;
  if (clusters.isError) return <ErrorState error={clusters.error} onRetry={() => clusters.refetch()} />;
  if (unions.isError) return <ErrorState error={unions.error} onRetry={() => unions.refetch()} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('clusters.title')} {cycle.data ? `— ${cycle.data.title || cycle.data.year}` : ''}
      </Typography.Title>
      <Link to={`/dashboard/${cycleId}`}>{t('clusters.back')}</Link>
      <ClustersEditor
        cycleId={cycleId!}
        clusters={clusters.data}
        unions={unions.data.filter((u) => u.status === 'ACTIVE')}
      />
    </Space>
  );
}

function ClustersEditor({
  cycleId,
  clusters,
  unions,
}: {
  cycleId: string;
  clusters: Cluster[];
  unions: Organization[];
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const canEdit = me.roles.includes('CONSOLIDATOR');
  const [rows, setRows] = useState<Row[]>(clusters);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const save = useReplaceClusters(cycleId);
  useEffect(() => setRows(clusters), [clusters]);

  const nameOf = (id: string) => {
    const u = unions.find((o) => o.id === id);
    return u ? orgName(u.nameVi, u.nameEn, i18n.language) : id;
  };
  const update = (i: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r, j) => (j === i ? normalised({ ...r, ...patch }) : r)));
  const taken = (i: number) =>
    new Set(rows.filter((_, j) => j !== i).flatMap((r) => r.memberOrganizationIds));

  const onSave = () => {
    setError(null);
    setFieldErrors({});
    save.mutate(
      rows.map((r) => ({
        number: r.number ?? 0,
        name: r.name.trim(),
        ...(r.headOrganizationId ? { headOrganizationId: r.headOrganizationId } : {}),
        ...(r.deputyOrganizationId ? { deputyOrganizationId: r.deputyOrganizationId } : {}),
        memberOrganizationIds: r.memberOrganizationIds,
      })),
      {
        onSuccess: () => message.success(t('clusters.saved')),
        onError: (err) => {
          setError(errorMessage(err, t));
          const errors = err instanceof ApiError ? err.problem.errors : [];
          setFieldErrors(Object.fromEntries(errors.map((e) => [e.field, e.message])));
        },
      },
    );
  };

  const fieldError = (i: number, field: string) => fieldErrors[`[${i}].${field}`];
  const status = (i: number, field: string) => (fieldError(i, field) ? 'error' : '');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {rows.length === 0 && <Typography.Text>{t('clusters.none')}</Typography.Text>}
      {rows.map((r, i) => {
        const options = unions
          .filter((u) => !taken(i).has(u.id))
          .map((u) => ({ value: u.id, label: orgName(u.nameVi, u.nameEn, i18n.language) }));
        const memberOptions = r.memberOrganizationIds.map((id) => ({ value: id, label: nameOf(id) }));
        const id = (field: string) => `cluster-${i}-${field}`;
        return (
          <Card
            key={i}
            size="small"
            data-testid="cluster"
            title={t('clusters.cluster', { number: r.number ?? '?' })}
            extra={
              canEdit && (
                <Button danger onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>
                  {t('clusters.remove', { number: r.number ?? '?' })}
                </Button>
              )
            }
          >
            <Form layout="vertical" component="div" disabled={!canEdit}>
              <Space wrap align="start">
                <Form.Item
                  label={t('clusters.number')}
                  htmlFor={id('number')}
                  validateStatus={status(i, 'number')}
                  help={fieldError(i, 'number')}
                >
                  <InputNumber
                    id={id('number')}
                    min={1}
                    max={99}
                    value={r.number}
                    onChange={(v) => update(i, { number: v })}
                  />
                </Form.Item>
                <Form.Item
                  label={t('clusters.name')}
                  htmlFor={id('name')}
                  validateStatus={status(i, 'name')}
                  help={fieldError(i, 'name')}
                >
                  <Input
                    id={id('name')}
                    value={r.name}
                    style={{ minWidth: 280 }}
                    onChange={(e) => update(i, { name: e.target.value })}
                  />
                </Form.Item>
              </Space>
              <Form.Item
                label={t('clusters.members')}
                htmlFor={id('members')}
                validateStatus={status(i, 'memberOrganizationIds')}
                help={fieldError(i, 'memberOrganizationIds')}
              >
                <Select
                  id={id('members')}
                  mode="multiple"
                  value={r.memberOrganizationIds}
                  options={[
                    ...memberOptions,
                    ...options.filter((o) => !r.memberOrganizationIds.includes(o.value)),
                  ]}
                  optionFilterProp="label"
                  onChange={(ids: string[]) => update(i, { memberOrganizationIds: ids })}
                />
              </Form.Item>
              <Space wrap align="start">
                <Form.Item
                  label={t('clusters.head')}
                  htmlFor={id('head')}
                  validateStatus={status(i, 'headOrganizationId')}
                  help={fieldError(i, 'headOrganizationId')}
                >
                  <Select
                    id={id('head')}
                    allowClear
                    style={{ minWidth: 280 }}
                    value={r.headOrganizationId}
                    options={memberOptions}
                    onChange={(v?: string) => update(i, { headOrganizationId: v })}
                  />
                </Form.Item>
                <Form.Item
                  label={t('clusters.deputy')}
                  htmlFor={id('deputy')}
                  validateStatus={status(i, 'deputyOrganizationId')}
                  help={fieldError(i, 'deputyOrganizationId')}
                >
                  <Select
                    id={id('deputy')}
                    allowClear
                    style={{ minWidth: 280 }}
                    value={r.deputyOrganizationId}
                    options={memberOptions}
                    onChange={(v?: string) => update(i, { deputyOrganizationId: v })}
                  />
                </Form.Item>
              </Space>
            </Form>
          </Card>
        );
      })}
      {canEdit && (
        <Space>
          <Button
            onClick={() =>
              setRows((all) => [
                ...all,
                {
                  number: Math.max(0, ...all.map((r) => r.number ?? 0)) + 1,
                  name: '',
                  memberOrganizationIds: [],
                },
              ])
            }
          >
            {t('clusters.add')}
          </Button>
          <Button type="primary" loading={save.isPending} onClick={onSave}>
            {t('clusters.save')}
          </Button>
        </Space>
      )}
    </Space>
  );
}

/** A head or deputy who left the members is no longer head or deputy. */
function normalised(r: Row): Row {
  const keep = (id?: string) => (id && r.memberOrganizationIds.includes(id) ? id : undefined);
  return {
    ...r,
    headOrganizationId: keep(r.headOrganizationId),
    deputyOrganizationId: keep(r.deputyOrganizationId),
  };
}

import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';
import type { Activity, BudgetLine, Plan } from '../api/types';
import { errorMessage } from '../common/errors';
import { NormFlag } from './NormFlag';
import { usePlanEdits } from './planApi';

type Line = BudgetLine & { activity: Activity };

/** The lines above their norm (as the API flags them) that still lack the union's justification. */
export function unjustifiedLines(plan: Plan): Line[] {
  return plan.activities.flatMap((a) =>
    a.budgetLines
      .filter((l) => l.overNorm && !l.normJustification?.trim())
      .map((l) => ({ ...l, activity: a })),
  );
}

/** The lines a NORM_JUSTIFICATION_REQUIRED refusal names (`budgetLines[<id>].normJustification`). */
export function linesNamedBy(err: unknown, plan: Plan): Line[] | null {
  if (!(err instanceof ApiError) || err.code !== 'NORM_JUSTIFICATION_REQUIRED') return null;
  const ids = new Set(
    err.problem.errors.map((e) => /^budgetLines\[([^\]]+)\]/.exec(e.field)?.[1]).filter(Boolean),
  );
  return plan.activities.flatMap((a) =>
    a.budgetLines.filter((l) => ids.has(l.id)).map((l) => ({ ...l, activity: a })),
  );
}

/**
 * Submission asks for what the rules require first: a justification for each line above its
 * norm. Each is saved on its line (the reviewers read it), then the plan is submitted.
 */
export function NormJustificationModal({
  plan,
  lines,
  canEdit,
  submits,
  onCancel,
  onSaved,
}: {
  plan: Plan;
  lines: Line[];
  /** A PLAN_EDITOR writes justifications; anyone else is told who must. */
  canEdit: boolean;
  /** Whether saving goes on to submit the plan (the submission prompt) or only saves. */
  submits: boolean;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const edits = usePlanEdits(plan.id);
  const [form] = Form.useForm<Record<string, string>>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    let values: Record<string, string>;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setSaving(true);
    setError(null);
    try {
      for (const l of lines) await edits.updateBudgetLine(l.id, { normJustification: values[l.id].trim() });
      onSaved();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('reviewScreens.justifyTitle')}
      okText={submits ? t('reviewScreens.justifyAndSubmit') : t('reviewScreens.justifySave')}
      cancelText={t('common.cancel')}
      okButtonProps={canEdit ? {} : { style: { display: 'none' } }}
      onOk={() => void save()}
      onCancel={onCancel}
      confirmLoading={saving}
      width={720}
    >
      <Typography.Paragraph>{t('reviewScreens.justifyHelp')}</Typography.Paragraph>
      {!canEdit && (
        <>
          <Alert type="warning" showIcon title={t('reviewScreens.askEditor')} style={{ marginBottom: 12 }} />
          <ul data-testid="unjustified-lines">
            {lines.map((l) => (
              <li key={l.id}>
                {l.activity.code} — {l.description} <NormFlag overNorm={l.overNorm} />
              </li>
            ))}
          </ul>
        </>
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      {canEdit && (
        <Form form={form} layout="vertical" data-testid="norm-justification-form">
          {lines.map((l) => (
            <Form.Item
              key={l.id}
              name={l.id}
              label={
                <span>
                  {l.activity.code} — {l.description} <NormFlag overNorm={l.overNorm} />
                </span>
              }
              rules={[
                { required: true, whitespace: true, message: t('reviewScreens.justificationRequired') },
              ]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
          ))}
        </Form>
      )}
    </Modal>
  );
}

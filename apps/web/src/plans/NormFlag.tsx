import { WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OverNorm } from '../api/types';
import { legalCitation } from '../common/citation';
import { formatVnd } from '../common/money';

/** A budget line above its spending norm, with the rule it breaks, shown next to the line. */
export function NormFlag({ overNorm }: { overNorm: OverNorm | null }) {
  const { t } = useTranslation();
  if (!overNorm) return null;
  const text = t('norms.over', {
    cap: formatVnd(overNorm.cap),
    unit: t(`norms.units.${overNorm.unit}`, { defaultValue: overNorm.unit }),
    citation: legalCitation(overNorm.article, overNorm.circular, t),
  });
  return (
    <Tooltip title={text}>
      <Tag
        icon={<WarningOutlined aria-hidden />}
        style={{ color: '#7c2d12', background: '#fff7ed', borderColor: '#fdba74', whiteSpace: 'normal' }}
        tabIndex={0}
        aria-label={text}
        data-testid="over-norm"
      >
        {t('norms.flag', { cap: formatVnd(overNorm.cap) })}
      </Tag>
    </Tooltip>
  );
}

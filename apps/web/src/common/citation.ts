import { citationParts } from '@vufo/domain';
import type { TFunction } from 'i18next';

/**
 * A legal reference in the official citation form, built from its parts: "điểm a khoản 2 Điều 7
 * Thông tư số 35/2026/TT-BTC" (English: "Article 7(2)(a) of Circular No. 35/2026/TT-BTC").
 */
export function legalCitation(reference: string, circular: string, t: TFunction): string {
  const parts = citationParts(reference);
  const where = !parts
    ? reference
    : !parts.clause
      ? t('citation.article', { article: parts.article })
      : !parts.points
        ? t('citation.clause', { article: parts.article, clause: parts.clause })
        : parts.points.to
          ? t('citation.points', {
              article: parts.article,
              clause: parts.clause,
              from: parts.points.from,
              to: parts.points.to,
            })
          : t('citation.point', { article: parts.article, clause: parts.clause, point: parts.points.from });
  return t('citation.circular', { where, circular });
}

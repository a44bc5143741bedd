/** An organisation's name in the UI language: its English name in English when it has one. */
export function orgName(nameVi: string, nameEn: string | null | undefined, language: string): string {
  return language === 'en' && nameEn ? nameEn : nameVi;
}

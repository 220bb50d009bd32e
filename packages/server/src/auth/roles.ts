/** Roles and what each may do. Which roles may see sensitive categories is rules configuration (sensitiveAccess). */
export const ROLES = ['admin', 'cadre', 'supervision', 'leader', 'unit_hr'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'System administrator' },
  cadre: { zh: '干部科', en: 'Cadre section' },
  supervision: { zh: '干部监督科', en: 'Supervision section' },
  leader: { zh: '部领导', en: 'Department leader (read-only)' },
  unit_hr: { zh: '单位组织人事', en: 'Unit HR officer' },
};

/** sensitive record categories (DOMAIN.md: discipline, supervision, family, ID number, care) */
export const SENSITIVE = ['discipline', 'supervision', 'family', 'idNumber', 'care'] as const;
export type SensitiveCategory = (typeof SENSITIVE)[number];

export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scopeOrgId: number | null;
  /** materialised path of the scope unit ('/1/5/'), null = whole registry */
  scopePath: string | null;
}

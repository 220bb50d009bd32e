/** Versioned rules configuration (DOMAIN.md "Rules with numbers"), cached in memory. */
import { desc } from 'drizzle-orm';
import { DEFAULT_RULES, parseRules, type RulesConfig } from '@cadre/core';
import type { Db } from '../../db/client';
import { rulesConfig } from '../../db/schema';

export class RulesStore {
  private cached: { version: number; config: RulesConfig; createdAt: Date; comment: string | null } | null = null;
  constructor(private db: Db) {}

  async current() {
    if (this.cached) return this.cached;
    const [row] = await this.db.select().from(rulesConfig).orderBy(desc(rulesConfig.version)).limit(1);
    if (!row) {
      this.cached = { version: 0, config: DEFAULT_RULES, createdAt: new Date(0), comment: 'built-in defaults' };
    } else {
      this.cached = { version: row.version, config: parseRules(row.config), createdAt: row.createdAt, comment: row.comment };
    }
    return this.cached;
  }

  async rules(): Promise<RulesConfig> {
    return (await this.current()).config;
  }

  async save(db: Db, config: RulesConfig, comment: string | null, userId: number | null) {
    const [last] = await db.select({ version: rulesConfig.version }).from(rulesConfig).orderBy(desc(rulesConfig.version)).limit(1);
    const version = (last?.version ?? 0) + 1;
    const [row] = await db.insert(rulesConfig).values({ version, config: config as never, comment, createdBy: userId }).returning();
    this.cached = null;
    return row;
  }

  invalidate() {
    this.cached = null;
  }

  async versions() {
    return this.db
      .select({ version: rulesConfig.version, comment: rulesConfig.comment, createdAt: rulesConfig.createdAt, createdBy: rulesConfig.createdBy })
      .from(rulesConfig)
      .orderBy(desc(rulesConfig.version));
  }
}

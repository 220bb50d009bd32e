DROP INDEX "cadre_pinyin_idx";--> statement-breakpoint
CREATE INDEX "cadre_filter_cover" ON "cadre" USING btree ("status","political_status","highest_education","sex","post_level","rank","specialty_category","birth_date","current_org_id");--> statement-breakpoint
CREATE INDEX "cadre_pinyin_idx" ON "cadre" USING btree ("pinyin" text_pattern_ops);
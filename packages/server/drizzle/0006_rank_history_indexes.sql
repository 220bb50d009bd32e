DROP INDEX "rank_history_cadre_idx";--> statement-breakpoint
CREATE INDEX "rank_history_kind_date_idx" ON "rank_history" USING btree ("kind","start_date");--> statement-breakpoint
CREATE INDEX "rank_history_cadre_idx" ON "rank_history" USING btree ("cadre_id","kind","start_date");
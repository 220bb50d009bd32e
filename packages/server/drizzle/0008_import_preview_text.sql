ALTER TABLE "import_preview" ALTER COLUMN "payload" SET DATA TYPE text USING encode("payload", 'base64');--> statement-breakpoint
ALTER TABLE "import_preview" ALTER COLUMN "payload" SET STORAGE EXTERNAL;

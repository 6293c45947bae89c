CREATE TABLE "scoring_schemes" (
	"id" text NOT NULL,
	"version" text NOT NULL,
	"scheme" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scoring_schemes_id_version" UNIQUE("id","version")
);

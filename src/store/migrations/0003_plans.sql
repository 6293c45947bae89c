CREATE TABLE "plan_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"version" integer NOT NULL,
	"state" text NOT NULL,
	"level" text NOT NULL,
	"region_code" text NOT NULL,
	"builtin" boolean DEFAULT false NOT NULL,
	"tree" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "plan_versions_plan_version" UNIQUE("plan_id","version")
);
--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A published plan version is a record: the application never updates or deletes it, and the
-- database refuses to as well, so a bug or a hand-typed UPDATE cannot rewrite what was published.
CREATE FUNCTION plan_versions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state = 'published' THEN
    RAISE EXCEPTION 'plan % version % is published and cannot be changed', OLD.plan_id, OLD.version;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER plan_versions_frozen BEFORE UPDATE OR DELETE ON plan_versions
  FOR EACH ROW EXECUTE FUNCTION plan_versions_frozen();

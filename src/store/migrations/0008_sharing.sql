CREATE TABLE "sharing_agreements" (
	"id" text PRIMARY KEY NOT NULL,
	"park_id" text NOT NULL,
	"park_name" jsonb NOT NULL,
	"origin_region" text NOT NULL,
	"host_region" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sharing_allocations" (
	"id" serial PRIMARY KEY NOT NULL,
	"agreement_id" text NOT NULL,
	"release_id" integer NOT NULL,
	"versions" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"computed_by" text NOT NULL,
	"computed_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sharing_outputs" (
	"id" serial PRIMARY KEY NOT NULL,
	"release_id" integer NOT NULL,
	"project_id" text NOT NULL,
	"metric" text NOT NULL,
	"period" text NOT NULL,
	"kind" text NOT NULL,
	"amount" numeric NOT NULL,
	"central" numeric,
	"source" text NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sharing_period_states" (
	"id" serial PRIMARY KEY NOT NULL,
	"agreement_id" text NOT NULL,
	"period" text NOT NULL,
	"state" text NOT NULL,
	"allocation_id" integer,
	"by" text NOT NULL,
	"at" text NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sharing_releases" (
	"id" serial PRIMARY KEY NOT NULL,
	"agreement_id" text NOT NULL,
	"name" text NOT NULL,
	"published_on" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" text NOT NULL,
	"source_file" text
);
--> statement-breakpoint
CREATE TABLE "sharing_versions" (
	"agreement_id" text NOT NULL,
	"version" integer NOT NULL,
	"effective_from" text NOT NULL,
	"terms" jsonb NOT NULL,
	"origin_confirmed_by" text,
	"origin_confirmed_at" text,
	"host_confirmed_by" text,
	"host_confirmed_at" text,
	"created_by" text NOT NULL,
	"created_at" text NOT NULL,
	CONSTRAINT "sharing_versions_agreement_id_version_pk" PRIMARY KEY("agreement_id","version")
);
--> statement-breakpoint
ALTER TABLE "sharing_allocations" ADD CONSTRAINT "sharing_allocations_agreement_id_sharing_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."sharing_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_allocations" ADD CONSTRAINT "sharing_allocations_release_id_sharing_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."sharing_releases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_outputs" ADD CONSTRAINT "sharing_outputs_release_id_sharing_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."sharing_releases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_period_states" ADD CONSTRAINT "sharing_period_states_agreement_id_sharing_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."sharing_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_period_states" ADD CONSTRAINT "sharing_period_states_allocation_id_sharing_allocations_id_fk" FOREIGN KEY ("allocation_id") REFERENCES "public"."sharing_allocations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_releases" ADD CONSTRAINT "sharing_releases_agreement_id_sharing_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."sharing_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_versions" ADD CONSTRAINT "sharing_versions_agreement_id_sharing_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."sharing_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sharing_outputs_release_idx" ON "sharing_outputs" USING btree ("release_id");--> statement-breakpoint
CREATE FUNCTION sharing_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.origin_confirmed_by IS NOT NULL AND OLD.host_confirmed_by IS NOT NULL THEN
    RAISE EXCEPTION 'agreement % version % is in force and cannot be changed', OLD.agreement_id, OLD.version;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER sharing_versions_frozen BEFORE UPDATE OR DELETE ON sharing_versions
  FOR EACH ROW EXECUTE FUNCTION sharing_version_frozen();
--> statement-breakpoint
CREATE FUNCTION sharing_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: a revision is a new row', TG_TABLE_NAME;
END $$;
--> statement-breakpoint
CREATE TRIGGER sharing_releases_append_only BEFORE UPDATE OR DELETE ON sharing_releases
  FOR EACH ROW EXECUTE FUNCTION sharing_append_only();
--> statement-breakpoint
CREATE TRIGGER sharing_outputs_append_only BEFORE UPDATE OR DELETE ON sharing_outputs
  FOR EACH ROW EXECUTE FUNCTION sharing_append_only();
--> statement-breakpoint
CREATE TRIGGER sharing_allocations_append_only BEFORE UPDATE OR DELETE ON sharing_allocations
  FOR EACH ROW EXECUTE FUNCTION sharing_append_only();
--> statement-breakpoint
CREATE TRIGGER sharing_period_states_append_only BEFORE UPDATE OR DELETE ON sharing_period_states
  FOR EACH ROW EXECUTE FUNCTION sharing_append_only();

/**
 * The relational schema, declared once. Migrations are generated from it by drizzle-kit
 * (`npm run db:generate`), row types are inferred from it, and the same SQL runs on PGlite
 * (PostgreSQL 18 in WASM, the embedded default) and on a PostgreSQL 15 server.
 */
import { sql } from 'drizzle-orm'
import {
  bigint,
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core'

export const regions = pgTable(
  'regions',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    level: text('level').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    nameEnStatus: text('name_en_status').notNull(),
    inMainlandStats: boolean('in_mainland_stats').notNull().default(true),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
  },
  (t) => [
    unique('regions_code_from_key').on(t.code, t.validFrom).nullsNotDistinct(),
    index('regions_level_idx').on(t.level),
    index('regions_name_zh_idx').on(t.nameZh),
  ],
)

export const regionLinks = pgTable(
  'region_links',
  {
    id: serial('id').primaryKey(),
    childCode: text('child_code').notNull(),
    parentCode: text('parent_code').notNull(),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
  },
  (t) => [
    unique('region_links_key').on(t.childCode, t.parentCode, t.validFrom).nullsNotDistinct(),
    index('region_links_parent_idx').on(t.parentCode),
  ],
)

export const regionCodeChanges = pgTable(
  'region_code_changes',
  {
    id: serial('id').primaryKey(),
    oldCode: text('old_code').notNull(),
    newCode: text('new_code'),
    date: date('date').notNull(),
    kind: text('kind').notNull(),
    note: text('note').notNull().default(''),
    source: text('source').notNull(),
  },
  (t) => [unique('region_code_changes_key').on(t.oldCode, t.newCode, t.date, t.kind).nullsNotDistinct()],
)

export const indicators = pgTable('indicators', {
  key: text('key').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  unit: text('unit').notNull(),
  direction: text('direction').notNull(),
  definition: text('definition').notNull().default(''),
  definitionZh: text('definition_zh').notNull().default(''),
  definitionEn: text('definition_en').notNull().default(''),
  sourceSeries: text('source_series').notNull().default(''),
  sourceSeriesZh: text('source_series_zh').notNull().default(''),
  sourceSeriesEn: text('source_series_en').notNull().default(''),
  policyTarget: text('policy_target').notNull().default(''),
  formula: text('formula'),
  aggregation: text('aggregation').notNull(),
  aggregationWeight: text('aggregation_weight'),
  breaks: jsonb('breaks')
    .$type<{ year: number; note: string; noteZh?: string; noteEn?: string }[]>()
    .notNull()
    .default(sql`'[]'::jsonb`),
  builtin: boolean('builtin').notNull().default(false),
})

export const releases = pgTable('releases', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  publishedOn: date('published_on').notNull(),
  kind: text('kind').notNull(),
  synthetic: boolean('synthetic').notNull().default(false),
  description: text('description').notNull().default(''),
  sourceFile: text('source_file'),
  rowCount: integer('row_count').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

/**
 * Partitioned by release (migration 0010, which drizzle cannot express): small releases share the
 * default partition, which alone has an index on release_id; a bulk release is a partition of its
 * own (store/release-writer.ts). No primary key: ids come from one sequence.
 */
export const observations = pgTable(
  'observations',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    // no foreign keys on this bulk table: the importer checks region, indicator and release
    // before a row is written, and per-row FK triggers would cost more than the COPY itself
    releaseId: integer('release_id').notNull(),
    regionCode: text('region_code').notNull(),
    indicatorKey: text('indicator_key').notNull(),
    period: integer('period').notNull(),
    value: doublePrecision('value').notNull(),
    unit: text('unit').notNull(),
    source: text('source').notNull().default(''),
    note: text('note').notNull().default(''),
    vintage: text('vintage'),
    seq: integer('seq').notNull(),
  },
  (t) => [index('observations_cell_idx').on(t.indicatorKey, t.regionCode, t.period)],
)

/**
 * Macro-region and national roll-ups of the served releases, materialised by store/rollups.ts in
 * the transaction that lands a release or changes its approval. Real and synthetic releases are
 * rolled up apart (one row each per cell), never mixed. `value` is null where the coverage rule
 * withholds the figure (a sum with a member missing, a mean with fewer than half the members);
 * the row stays so that the gap is on record.
 */
export const rollupFigures = pgTable(
  'rollup_figures',
  {
    indicatorKey: text('indicator_key').notNull(),
    regionCode: text('region_code').notNull(),
    period: integer('period').notNull(),
    synthetic: boolean('synthetic').notNull(),
    value: doublePrecision('value'),
    /** the newest release among the inputs (values and weights) */
    releaseId: integer('release_id')
      .notNull()
      .references(() => releases.id),
    members: integer('members').notNull(),
    withData: integer('with_data').notNull(),
    source: text('source').notNull(),
    note: text('note').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.indicatorKey, t.regionCode, t.period, t.synthetic] })],
)

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
})

// ── users, sessions and access ────────────────────────────────────────────────────────────

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull().default(''),
  passwordHash: text('password_hash').notNull(),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

/** A role held for a region scope (a region code; CN = national) or for a park. */
export const userGrants = pgTable(
  'user_grants',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    regionCode: text('region_code').notNull(),
    parkId: text('park_id'),
  },
  (t) => [index('user_grants_user_idx').on(t.userId)],
)

/** Sessions live in the database so that any app process behind a balancer can serve any request. */
export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token: a leaked table does not leak usable cookies */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/** Failed logins, for rate limiting across processes. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_key_idx').on(t.key, t.at)],
)

// ── plans ──────────────────────────────────────────────────────────────────────────────────

/**
 * Every version of a plan: the tree and its targets as one JSON document (validated by
 * src/plans/model.ts on the way in). A published version is never changed: editing makes a new
 * draft version, publishing marks it published, and older versions stay readable.
 */
export const planVersions = pgTable(
  'plan_versions',
  {
    id: serial('id').primaryKey(),
    planId: text('plan_id').notNull(),
    version: integer('version').notNull(),
    state: text('state').notNull(),
    level: text('level').notNull(),
    regionCode: text('region_code').notNull(),
    builtin: boolean('builtin').notNull().default(false),
    tree: jsonb('tree').notNull(),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [unique('plan_versions_plan_version').on(t.planId, t.version)],
)

// ── supervision ────────────────────────────────────────────────────────────────────────────

/**
 * The audit trail: a hash chain (src/supervision/audit.ts). Times are kept as the ISO text that
 * was hashed, so reading an entry back reproduces its hash byte for byte. A trigger refuses
 * UPDATE and DELETE: the application can only append.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull(),
    region: text('region').notNull(),
    details: jsonb('details').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_object_idx').on(t.objectType, t.objectId),
    index('audit_log_actor_idx').on(t.actor),
  ],
)

/** Supervision tasks (督办任务); the state machine is src/supervision/tasks.ts. */
export const tasks = pgTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    regionCode: text('region_code').notNull(),
    assignee: text('assignee'),
    leadBody: text('lead_body').notNull().default(''),
    coBodies: jsonb('co_bodies').notNull().default([]),
    planId: text('plan_id'),
    planNodeId: text('plan_node_id'),
    state: text('state').notNull(),
    start: text('start').notNull(),
    deadline: text('deadline').notNull(),
    cadence: text('cadence').notNull(),
    milestones: jsonb('milestones').notNull().default([]),
    createdBy: text('created_by').notNull(),
    updatedAt: text('updated_at'),
    reportedAt: text('reported_at'),
    acceptedAt: text('accepted_at'),
  },
  (t) => [index('tasks_region_idx').on(t.regionCode), index('tasks_plan_idx').on(t.planId, t.planNodeId)],
)

export const taskTransitions = pgTable(
  'task_transitions',
  {
    id: serial('id').primaryKey(),
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id),
    event: text('event').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    actor: text('actor').notNull(),
    at: text('at').notNull(),
    reason: text('reason'),
  },
  (t) => [index('task_transitions_task_idx').on(t.taskId)],
)

export const reports = pgTable(
  'reports',
  {
    id: text('id').primaryKey(),
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id),
    body: jsonb('body').notNull(),
    status: text('status').notNull(),
    submittedAt: text('submitted_at').notNull(),
  },
  (t) => [index('reports_task_idx').on(t.taskId)],
)

/** Evidence files by content hash; served only as attachments, never inline. */
export const evidence = pgTable('evidence', {
  sha256: text('sha256').primaryKey(),
  type: text('type').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  name: text('name').notNull(),
  /** the task it was uploaded for: who may download it follows from the task's region */
  taskId: text('task_id').notNull(),
  regionCode: text('region_code').notNull(),
  content: text('content_base64').notNull(),
  uploadedBy: text('uploaded_by').notNull(),
  uploadedAt: text('uploaded_at').notNull(),
})

/** Scoring schemes of the province scorecard; a new version is a new row, never an edit. */
export const scoringSchemes = pgTable(
  'scoring_schemes',
  {
    id: text('id').notNull(),
    version: text('version').notNull(),
    scheme: jsonb('scheme').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('scoring_schemes_id_version').on(t.id, t.version)],
)

// ── evaluation ─────────────────────────────────────────────────────────────────────────────

/** Saved evaluation runs (`jueqi assess`): results as computed, with their stamp; never updated. */
export const evaluationRuns = pgTable('evaluation_runs', {
  id: serial('id').primaryKey(),
  kind: text('kind').notNull(),
  asOf: text('as_of'),
  stamp: jsonb('stamp').notNull(),
  results: jsonb('results').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

/**
 * Approval of a statistics release over a chain of levels (src/supervision/approval.ts). A release
 * with a row here is public only once its status is `approved`; releases without one (the
 * built-in data, imports by the statistics office itself) are public as before.
 */
export const releaseApprovals = pgTable('release_approvals', {
  releaseId: integer('release_id')
    .primaryKey()
    .references(() => releases.id),
  regionCode: text('region_code').notNull(),
  status: text('status').notNull(),
  state: jsonb('state').notNull(),
  updatedAt: text('updated_at').notNull(),
})

/**
 * One row, one counter: the version of everything the public observation reads depend on
 * (releases, their approvals, indicators, regions). Deferred constraint triggers (migration
 * 0009) bump it at commit of any transaction that wrote those tables, once per transaction, so
 * several stateless app processes can key their response caches on it (src/server/response-cache.ts).
 */
export const dataVersion = pgTable('data_version', {
  id: integer('id').primaryKey().default(1),
  n: bigint('n', { mode: 'number' }).notNull().default(0),
  /** the transaction that last bumped n, so that a transaction bumps it once however many rows it writes */
  txid: bigint('txid', { mode: 'number' }),
})

// ── sharing ────────────────────────────────────────────────────────────────────────────────

/**
 * Statistics-sharing agreements (src/sharing). The parties are fixed here; the terms live in
 * versions. A version in force (both sides confirmed) is frozen by a trigger, as are output
 * records, allocations and releases of outputs: a revision is a new row, never an edit.
 */
export const sharingAgreements = pgTable('sharing_agreements', {
  id: text('id').primaryKey(),
  parkId: text('park_id').notNull(),
  parkName: jsonb('park_name').notNull(),
  originRegion: text('origin_region').notNull(),
  hostRegion: text('host_region').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
})

export const sharingVersions = pgTable(
  'sharing_versions',
  {
    agreementId: text('agreement_id')
      .notNull()
      .references(() => sharingAgreements.id),
    version: integer('version').notNull(),
    effectiveFrom: text('effective_from').notNull(),
    terms: jsonb('terms').notNull(),
    originConfirmedBy: text('origin_confirmed_by'),
    originConfirmedAt: text('origin_confirmed_at'),
    hostConfirmedBy: text('host_confirmed_by'),
    hostConfirmedAt: text('host_confirmed_at'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.version] })],
)

/** A batch of recorded outputs (a release of the host's statistics or of tax records). */
export const sharingReleases = pgTable('sharing_releases', {
  id: serial('id').primaryKey(),
  agreementId: text('agreement_id')
    .notNull()
    .references(() => sharingAgreements.id),
  name: text('name').notNull(),
  publishedOn: text('published_on').notNull(),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: text('recorded_at').notNull(),
  sourceFile: text('source_file'),
})

export const sharingOutputs = pgTable(
  'sharing_outputs',
  {
    id: serial('id').primaryKey(),
    releaseId: integer('release_id')
      .notNull()
      .references(() => sharingReleases.id),
    projectId: text('project_id').notNull(),
    metric: text('metric').notNull(),
    period: text('period').notNull(),
    kind: text('kind').notNull(),
    amount: numeric('amount').notNull(),
    central: numeric('central'),
    source: text('source').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [index('sharing_outputs_release_idx').on(t.releaseId)],
)

/** Allocations as computed: one row per run, never updated, with the versions and release used. */
export const sharingAllocations = pgTable('sharing_allocations', {
  id: serial('id').primaryKey(),
  agreementId: text('agreement_id')
    .notNull()
    .references(() => sharingAgreements.id),
  releaseId: integer('release_id')
    .notNull()
    .references(() => sharingReleases.id),
  versions: jsonb('versions').notNull(),
  result: jsonb('result').notNull(),
  computedBy: text('computed_by').notNull(),
  computedAt: text('computed_at').notNull(),
})

/** Period states (open / settled / closed) as appended changes; the newest row is the state. */
export const sharingPeriodStates = pgTable('sharing_period_states', {
  id: serial('id').primaryKey(),
  agreementId: text('agreement_id')
    .notNull()
    .references(() => sharingAgreements.id),
  period: text('period').notNull(),
  state: text('state').notNull(),
  allocationId: integer('allocation_id').references(() => sharingAllocations.id),
  by: text('by').notNull(),
  at: text('at').notNull(),
  note: text('note').notNull().default(''),
})

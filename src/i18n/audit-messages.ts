/**
 * The audit trail read as sentences, in zh-CN and English: one template per audit action
 * (supervision/audit-events.ts), and the clauses added when an entry has a reason or a note;
 * and the text of supervision warnings. Blanks are filled by supervision/audit-summary.ts and
 * supervision/warning-text.ts.
 */
import type { Text } from './server-messages.ts'

const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, en })

export const AUDIT_TEMPLATES = {
  'task.created': t('创建任务“{title}”，期限 {deadline}', 'Task "{title}" created, due {deadline}'),
  'task.transition': t('任务状态：{from} → {to}（{event}）', 'Task status: {from} → {to} ({event})'),
  'report.submitted': t(
    '报送任务 {taskId} 第 {period} 期进展：完成 {percent}%，佐证材料 {files} 份',
    'Progress report for task {taskId}, period {period}: {percent}% done, {files} evidence files',
  ),
  'report.reviewed': t('审核进展报告：{decision}', 'Progress report reviewed: {decision}'),
  'evidence.stored': t('保存佐证材料（{type}，{size} 字节）', 'Evidence file stored ({type}, {size} bytes)'),
  'release.imported': t('导入数据版本：{rows} 行', 'Release imported: {rows} rows'),
  'release.submitted': t('提交数据版本待审核', 'Release submitted for approval'),
  'release.approved': t('{level} 级审核通过数据版本', 'Release approved at level {level}'),
  'release.unapproved': t('{level} 级撤回审核通过', 'Approval withdrawn at level {level}'),
  'release.accepted': t('{level} 级接受数据版本', 'Release accepted at level {level}'),
  'release.unaccepted': t('{level} 级撤销接受', 'Acceptance withdrawn at level {level}'),
  'plan.edited': t('修改规划条目：{nodes}', 'Plan items edited: {nodes}'),
  'plan.published': t('发布规划第 {version} 版', 'Plan version {version} published'),
  'user.created': t('创建用户 {username}', 'User {username} created'),
  'user.disabled': t('停用用户', 'User disabled'),
  'user.enabled': t('启用用户', 'User enabled'),
  'user.password_reset': t('重置密码（{how}）', 'Password reset ({how})'),
  'user.password_changed': t('用户修改了自己的密码', 'The user changed their password'),
  'user.renamed': t('用户名称改为“{displayName}”', 'User now called "{displayName}"'),
  'auth.login_failed': t('登录失败，来自 {address}{who}', 'Failed sign-in from {address}{who}'),
  'permission.changed': t(
    '权限变更：授予 {granted}；收回 {revoked}',
    'Grants changed: granted {granted}; revoked {revoked}',
  ),
  'agreement.edited': t('修改协议字段：{fields}', 'Agreement fields edited: {fields}'),
  'agreement.created': t(
    '创建协议：园区 {parkId}，流出地 {originRegion}，承接地 {hostRegion}',
    'Agreement created: park {parkId}, origin {originRegion}, host {hostRegion}',
  ),
  'agreement.version': t(
    '协议第 {version} 版，自 {effectiveFrom} 起生效',
    'Agreement version {version}, in force from {effectiveFrom}',
  ),
  'agreement.confirmed': t('{side}确认协议第 {version} 版', 'The {side} side confirmed version {version}'),
  'sharing.outputs.recorded': t(
    '记录产出与税收：数据版本 {releaseId}，{rows} 行',
    'Outputs and taxes recorded: release {releaseId}, {rows} rows',
  ),
  'sharing.allocated': t(
    '计算分配结果 {allocationId}（数据版本 {releaseId}，协议版本 {versions}）',
    'Allocation {allocationId} computed (release {releaseId}, agreement versions {versions})',
  ),
  'sharing.period': t('期间 {period}：{from} → {to}', 'Period {period}: {from} → {to}'),
} as const

/** Clauses appended to a sentence when the entry has them. */
export const AUDIT_CLAUSES = {
  reason: t('；理由：{reason}', '; reason: {reason}'),
  note: t('；意见：{note}', '; note: {note}'),
  file: t('；文件 {file}', '; file {file}'),
  replaced: t('；取代此前的草稿', '; replaces the earlier draft'),
  in_force: t('；协议生效', '; the agreement is in force'),
  none: t('无', 'none'),
  generated: t('系统生成', 'generated'),
  chosen: t('由管理员设置', 'set by an administrator'),
  unknown_user: t('（无此用户）', ' (no such user)'),
  disabled_user: t('（账户已停用）', ' (account disabled)'),
} as const

/** Supervision warnings (supervision/warnings.ts) as people read them. */
export const WARNING_TEMPLATES = {
  past_deadline: t('已超过期限 {days} 天', '{days} days past the deadline'),
  behind_schedule: t(
    '已完成 {actual}%，按序时进度应完成 {expected}%',
    '{actual}% done where the schedule expects {expected}%',
  ),
  near_deadline: t('距期限还有 {days} 天', '{days} days to the deadline'),
  milestone_missed: t('节点“{milestone}”已逾期', 'Milestone “{milestone}” missed'),
  milestone_near: t('距节点“{milestone}”还有 {days} 天', 'Milestone “{milestone}” in {days} days'),
} as const

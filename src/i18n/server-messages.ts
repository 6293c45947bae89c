/**
 * Messages the server and CLI send to people, in both languages. The web app has its own
 * catalogue (src/web/i18n); these are the ones produced outside the browser.
 *
 * `messages` are refusals: each has a category, which is the `code` of the API's error answer and
 * decides its HTTP status (server/errors.ts). `terms` are the words those messages and the audit
 * summaries put in their blanks (task states, events, approval steps, audit actions). A blank is
 * filled with a plain value (an id, a number, a name) or `{ term }`, which is rendered in the
 * answer's language, so that a Chinese message never carries an English word.
 */
import type { Lang } from './lang.ts'

export type { Lang } from './lang.ts'

export interface Text {
  'zh-CN': string
  en: string
}

/** The categories of refusal, as the API's `error.code`. */
export const CATEGORIES = [
  'not_found',
  'unknown_indicator',
  'unknown_region',
  'invalid_request',
  'internal',
  'conflict',
  'too_large',
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'login_failed',
  'too_many_attempts',
] as const
export type Category = (typeof CATEGORIES)[number]

interface Entry extends Text {
  category: Category
}

const e = (category: Category, zh: string, en: string): Entry => ({ category, 'zh-CN': zh, en })

const messages = {
  // general (the category's own message)
  not_found: e('not_found', '未找到：{what}', 'Not found: {what}'),
  unknown_indicator: e('unknown_indicator', '未知指标“{key}”', 'Unknown indicator "{key}"'),
  unknown_region: e('unknown_region', '未知地区“{code}”', 'Unknown region "{code}"'),
  invalid_request: e('invalid_request', '请求参数无效：{details}', 'Invalid request: {details}'),
  internal: e('internal', '服务器内部错误', 'Internal server error'),
  conflict: e('conflict', '无法执行：{why}', 'Not possible now: {why}'),
  too_large: e('too_large', '文件过大：超过 {bytes} 字节', 'File too large: more than {bytes} bytes'),
  unauthenticated: e('unauthenticated', '请先登录', 'Please sign in first'),
  forbidden: e('forbidden', '无权执行此操作：{why}', 'Not allowed: {why}'),
  login_failed: e('login_failed', '用户名或密码错误', 'Wrong user name or password'),
  too_many_attempts: e(
    'too_many_attempts',
    '登录失败次数过多，请{minutes}分钟后再试',
    'Too many failed sign-ins; try again in {minutes} minutes',
  ),
  'csrf.cross_origin': e(
    'csrf_failed',
    '请求未通过跨站请求伪造（CSRF）校验：请求来自其他站点',
    'The request failed the CSRF check: it came from another site',
  ),
  'csrf.token': e(
    'csrf_failed',
    '请求未通过跨站请求伪造（CSRF）校验：缺少或错误的 x-csrf-token',
    'The request failed the CSRF check: missing or wrong x-csrf-token',
  ),
  // things that are not there
  'missing.path': e('not_found', '未找到地址 {path}', 'No such address: {path}'),
  'missing.task': e('not_found', '未找到任务 {id}', 'No task {id}'),
  'missing.report': e('not_found', '未找到进展报告 {id}', 'No progress report {id}'),
  'missing.evidence': e('not_found', '未找到佐证材料 {id}', 'No evidence file {id}'),
  'missing.release': e('not_found', '未找到数据版本 {id}', 'No release {id}'),
  'missing.plan': e('not_found', '未找到规划 {id}', 'No plan {id}'),
  'missing.plan_version': e(
    'not_found',
    '未找到规划 {id} 的第 {version} 版',
    'No version {version} of plan {id}',
  ),
  'missing.national_plan': e('not_found', '未找到国家规划 {id}', 'No national plan {id}'),
  'missing.evaluation': e('not_found', '未找到评估运行 {id}', 'No evaluation run {id}'),
  'missing.scheme': e('not_found', '未找到评分方案 {id}', 'No scoring scheme {id}'),
  'missing.agreement': e('not_found', '未找到协议 {id}', 'No agreement {id}'),
  'missing.agreement_version': e(
    'not_found',
    '未找到协议 {id} 的第 {version} 版',
    'No version {version} of agreement {id}',
  ),
  'missing.allocation': e(
    'not_found',
    '未找到协议 {id} 的分配结果 {allocation}',
    'No allocation {allocation} of agreement {id}',
  ),
  'missing.assessment_view': e(
    'not_found',
    '协议 {id} 的考核口径只向协议双方提供',
    'The assessment view of agreement {id} is shown to its parties only',
  ),
  // someone else wrote first
  'stale.task': e(
    'conflict',
    '任务已被他人修改，请刷新后重试',
    'The task was changed by someone else; reload it',
  ),
  'stale.approval': e(
    'conflict',
    '审核状态已被他人修改，请刷新后重试',
    'The approval was changed by someone else; reload it',
  ),
  'stale.agreement_version': e(
    'conflict',
    '协议版本已被他人修改，请刷新后重试',
    'The version was changed by someone else; reload it',
  ),
  'stale.plan': e(
    'conflict',
    '规划已更新到第 {version} 版，请刷新后在该版本上修改',
    'The plan is at version {version}; reload it and edit that version',
  ),
  // requests that do not make sense
  'request.evidence_file': e(
    'invalid_request',
    'file：请在名为 file 的字段中上传文件',
    'file: send the file in a field named "file"',
  ),
  'request.release_file': e(
    'invalid_request',
    'file：请上传 CSV 或 XLSX 文件',
    'file: send a CSV or XLSX file',
  ),
  'request.release_name': e(
    'invalid_request',
    'release：请填写数据版本名称',
    'release: give the release a name',
  ),
  'request.release_type': e(
    'invalid_request',
    '文件“{name}”：只接受 .csv 或 .xlsx 文件',
    'File "{name}": use .csv or .xlsx',
  ),
  'request.no_plan': e('invalid_request', 'planId：没有规划“{plan}”', 'planId: no plan "{plan}"'),
  'request.no_plan_node': e(
    'invalid_request',
    'planNodeId：规划 {plan} 中没有条目“{node}”',
    'planNodeId: no item "{node}" in plan {plan}',
  ),
  'request.tree_id': e(
    'invalid_request',
    'tree.id：规划树的编号“{treeId}”不是规划 {plan}',
    'tree.id: "{treeId}" is not plan {plan}',
  ),
  'request.foreign_evidence': e(
    'invalid_request',
    'evidence：以下佐证材料不是为任务 {task} 上传的：{files}',
    'evidence: not uploaded for task {task}: {files}',
  ),
  'request.choose_side': e(
    'invalid_request',
    'side：您同时代表协议双方，请说明由哪一方确认',
    'side: you act for both parties; say which one confirms',
  ),
  'request.no_region': e('invalid_request', '{field}：没有地区“{code}”', '{field}: no region "{code}"'),
  'request.same_region': e(
    'invalid_request',
    'hostRegion：流出地与承接地必须是不同地区',
    'hostRegion: origin and host must be different regions',
  ),
  'request.agreement_exists': e('conflict', '协议 {id} 已存在', 'Agreement {id} exists already'),
  'request.amendment_date': e(
    'conflict',
    '修订须在 {date} 之后生效',
    'An amendment takes effect after {date}',
  ),
  'request.not_draft': e('conflict', '第 {version} 版不是草稿', 'Version {version} is not a draft'),
  'request.period_unallocated': e(
    'conflict',
    '期间 {period} 尚未参与任何分配',
    'Period {period} is in no allocation yet',
  ),
  'request.period_step': e(
    'conflict',
    '期间状态不能从“{from}”改为“{to}”',
    'A period cannot go from {from} to {to}',
  ),
  // the task state machine (supervision/tasks.ts)
  'transition.unknown_event': e('conflict', '没有“{event}”这一操作', 'No event "{event}"'),
  'transition.illegal_transition': e(
    'conflict',
    '任务当前为“{state}”，不能执行“{event}”',
    'Cannot {event} a task that is {state}',
  ),
  'transition.reason_required': e('conflict', '“{event}”需要说明理由', '{event} needs a reason'),
  'transition.actor_required': e(
    'conflict',
    '每次状态变更都须记录操作人',
    'Every transition names its actor',
  ),
  'transition.bad_time': e('conflict', '时间不是有效的时间戳', 'The time is not an ISO timestamp'),
  'transition.time_reversed': e(
    'conflict',
    '时间早于任务上一次变更的时间',
    "The time is before the task's last change",
  ),
  // progress reports (supervision/reports.ts)
  'report.wrong_task': e('invalid_request', '报告不属于该任务', 'The report is for another task'),
  'report.task_not_in_progress': e(
    'invalid_request',
    '任务当前为“{state}”，不在办理中',
    'The task is {state}, not in progress',
  ),
  'report.bad_period': e(
    'invalid_request',
    '“{period}”不是该任务的报告期',
    '"{period}" is not a reporting period of this task',
  ),
  'report.future_period': e('invalid_request', '报告期 {period} 尚未开始', 'Period {period} has not begun'),
  'report.duplicate_period': e(
    'invalid_request',
    '报告期 {period} 已有报告',
    'A report for {period} is already in',
  ),
  'report.progress_regressed': e(
    'invalid_request',
    '完成进度不能低于此前报告的进度',
    'Progress cannot be lower than in an earlier report',
  ),
  'report.final_not_complete': e(
    'invalid_request',
    '最终报告的完成进度应为100%',
    'A final report says the work is 100% done',
  ),
  'report.duplicate_evidence': e(
    'invalid_request',
    '同一文件被附加了两次',
    'The same file is attached twice',
  ),
  'report.not_submitted': e('invalid_request', '该报告已审核过', 'The report has been reviewed already'),
  'report.note_required': e('invalid_request', '退回时请说明需要修改的内容', 'Say what to fix'),
  'report.own_report': e('forbidden', '进展报告须由他人审核', 'Someone else reviews a report'),
  // evidence files (supervision/evidence.ts)
  'evidence.empty': e('invalid_request', '文件“{name}”是空的', 'File "{name}" is empty'),
  'evidence.too_large': e(
    'too_large',
    '文件“{name}”超过 {bytes} 字节',
    'File "{name}" is larger than {bytes} bytes',
  ),
  'evidence.extension_not_allowed': e(
    'invalid_request',
    '文件“{name}”：不接受此类文件作为佐证材料',
    'File "{name}": files of this kind are not accepted as evidence',
  ),
  'evidence.forbidden_content': e(
    'invalid_request',
    '文件“{name}”含有可执行程序、脚本或网页标记',
    'File "{name}" holds an executable, a script or markup',
  ),
  'evidence.active_content': e(
    'invalid_request',
    '文件“{name}”含有宏或活动内容',
    'File "{name}" holds macros or active content',
  ),
  'evidence.type_not_allowed': e(
    'invalid_request',
    '文件“{name}”的内容不属于接受的类型',
    'File "{name}" is of no accepted type',
  ),
  'evidence.type_mismatch': e(
    'invalid_request',
    '文件“{name}”的扩展名与内容不符',
    'File "{name}": its extension does not match its content',
  ),
  'evidence.not_utf8': e(
    'invalid_request',
    '文件“{name}”：文本须为 UTF-8 编码',
    'File "{name}": text must be UTF-8',
  ),
  'evidence.bad_office_file': e(
    'invalid_request',
    '文件“{name}”不是可读的 Word 或 Excel 文件',
    'File "{name}" is not a readable Word or Excel file',
  ),
  // release approval (supervision/approval.ts)
  'approval.already_submitted': e('conflict', '该数据版本已提交', 'The release is already submitted'),
  'approval.not_submitted': e('conflict', '请先提交该数据版本', 'Submit the release first'),
  'approval.unknown_level': e(
    'conflict',
    '{level} 不是该审核流程中的一级',
    '{level} is not a level of this workflow',
  ),
  'approval.skipped_level': e('conflict', '审核层级不能跳过', 'No approval level may be skipped'),
  'approval.already_approved': e('conflict', '{level} 已审核通过', '{level} has approved already'),
  'approval.not_approved': e('conflict', '{level} 尚未审核通过', '{level} has not approved'),
  'approval.locked_by_higher': e(
    'conflict',
    '{level} 的上级已审核通过，须先由上级撤回',
    'A level above {level} has approved; it must withdraw first',
  ),
  'approval.accepted': e(
    'conflict',
    '最高一级已接受，请先撤销接受',
    'The top level has accepted; unaccept first',
  ),
  'approval.no_accept_step': e(
    'conflict',
    '该流程以审核通过结束，没有接受环节',
    'This workflow ends with approval',
  ),
  'approval.already_accepted': e('conflict', '已接受', 'Already accepted'),
  'approval.not_accepted': e('conflict', '尚未接受', 'Not accepted'),
  'approval.own_submission': e(
    'forbidden',
    '提交人不能审核或接受自己提交的数据版本',
    'The submitter does not decide on his own release',
  ),
  'approval.same_actor': e(
    'forbidden',
    '接受须由审核人以外的人进行',
    'Someone other than the approver accepts',
  ),
  'approval.bad_time': e('conflict', '时间不是有效的时间戳', 'The time is not an ISO timestamp'),
  'approval.time_reversed': e(
    'conflict',
    '时间早于上一次审核操作',
    'The time is before the last approval step',
  ),
  // agreement versions (sharing/versions.ts)
  'sharing_version.frozen': e('conflict', '第 {version} 版已生效，不能修改', 'Version {version} is in force'),
  'sharing_version.already_confirmed': e('conflict', '该方已确认', 'This side has confirmed already'),
  'sharing_version.same_person': e(
    'conflict',
    '双方须由不同的人确认',
    'Each side confirms through a different person',
  ),
  'sharing_version.date_not_later': e(
    'conflict',
    '修订的生效日期须晚于现行版本',
    'An amendment takes effect after the version in force',
  ),
  // ledger runs (store/sharing-runs.ts LedgerError)
  'ledger.no_outputs': e('conflict', '协议 {id} 尚未记录产出', 'Agreement {id} has no recorded outputs yet'),
  'ledger.foreign_release': e(
    'conflict',
    '数据版本 {release} 不属于协议 {id}',
    'Release {release} is not a release of agreement {id}',
  ),
  'ledger.none_in_force': e(
    'conflict',
    '协议 {id} 没有生效的版本：须经双方确认',
    'Agreement {id} has no version in force: both sides must confirm',
  ),
  'ledger.no_allocation': e('not_found', '协议 {id} 尚无分配结果', 'Agreement {id} has no allocation yet'),
  'ledger.no_such_allocation': e(
    'not_found',
    '协议 {id} 没有分配结果 {allocation}',
    'No allocation {allocation} of agreement {id}',
  ),
  // permissions (supervision/permissions.ts DenyReason)
  'deny.unknown_action': e('forbidden', '无权执行此操作：没有这一操作', 'Not allowed: no such action'),
  'deny.not_signed_in': e('forbidden', '无权执行此操作：请先登录', 'Not allowed: sign in first'),
  'deny.no_role': e(
    'forbidden',
    '无权执行此操作：您的角色都不能执行此操作',
    'Not allowed: none of your roles may do this',
  ),
  'deny.out_of_scope': e(
    'forbidden',
    '无权执行此操作：对象不在您负责的地区或层级内',
    'Not allowed: the object is outside the regions or levels you hold',
  ),
  'deny.same_level': e(
    'forbidden',
    '无权执行此操作：审核由上一级进行，而非本地区',
    'Not allowed: review is done by the level above the region, not the region itself',
  ),
  'deny.not_party': e(
    'forbidden',
    '无权执行此操作：您管理的园区都不是协议一方',
    'Not allowed: you administer none of the parks party to this',
  ),
  'deny.bad_level': e(
    'forbidden',
    '无权执行此操作：该审核层级不包含数据版本所属地区',
    'Not allowed: the approval level does not contain the release region',
  ),
  'deny.wrong_object_level': e(
    'forbidden',
    '无权执行此操作：国家规划由国家层面编辑，省级规划由本省编辑',
    'Not allowed: national plans are edited nationally, provincial plans by their province',
  ),
  'deny.wrong_state': e(
    'forbidden',
    '无权执行此操作：对象当前状态不允许',
    'Not allowed: not possible in the object’s current state',
  ),
  'deny.not_public': e('forbidden', '无权执行此操作：尚未发布', 'Not allowed: not published yet'),
  'deny.own_submission': e(
    'forbidden',
    '无权执行此操作：须由提交人以外的人决定',
    'Not allowed: someone other than the submitter must decide',
  ),
  'deny.self_grant': e(
    'forbidden',
    '无权执行此操作：任何人都不能修改自己的权限',
    'Not allowed: nobody changes his own grants',
  ),
  // ── accounts (src/app/users.ts) ──
  unknown_user: e('not_found', '没有用户“{username}”', 'No user "{username}"'),
  user_exists: e('conflict', '用户“{username}”已存在', 'User "{username}" exists already'),
  bad_username: e(
    'invalid_request',
    '用户名须为2至64个字母、数字、“.”、“_”或“-”',
    'A user name has 2 to 64 letters, digits, ".", "_" or "-"',
  ),
  unknown_scope_region: e(
    'invalid_request',
    '权限范围“{code}”不是已知地区',
    'The scope "{code}" is not a known region',
  ),
  park_required: e('invalid_request', '园区管理员须指定园区', 'A park administrator needs a park'),
  park_not_allowed: e(
    'invalid_request',
    '只有园区管理员可指定园区',
    'Only a park administrator is given a park',
  ),
  last_admin: e(
    'conflict',
    '“{username}”是最后一位在用的全国管理员，不能停用或改变其角色',
    '"{username}" is the last active national administrator and cannot be disabled or given another role',
  ),
  password_too_short: e(
    'invalid_request',
    '密码至少需要{min}个字符',
    'A password needs at least {min} characters',
  ),
  password_too_long: e(
    'invalid_request',
    '密码最多{max}个字符',
    'A password may have at most {max} characters',
  ),
  password_repeated: e(
    'invalid_request',
    '密码不能是同一个字符的重复',
    'A password cannot be one repeated character',
  ),
  wrong_current_password: e('forbidden', '当前密码不正确', 'The current password is wrong'),
  // ── the HTTP edge (server/hardening.ts, app.ts) ──
  'request.nul': e(
    'invalid_request',
    '请求参数无效：{where}中含有 NUL 字符（\\0）',
    'Invalid request: a NUL character (\\0) in {where}',
  ),
  'request.multipart': e(
    'invalid_request',
    '请求参数无效：上传须以表单方式提交并附上文件',
    'Invalid request: an upload is multipart/form-data with a "file" field',
  ),
  'request.unreadable_multipart': e(
    'invalid_request',
    '请求参数无效：无法读取上传的表单',
    'Invalid request: the multipart/form-data body cannot be read',
  ),
  'request.http': e('invalid_request', '请求参数无效：HTTP {status}', 'Invalid request: HTTP {status}'),
  'request.unstorable': e(
    'invalid_request',
    '请求参数无效：有数据库无法保存的值',
    'Invalid request: a value the store cannot hold',
  ),
  'request.bad_input': e('invalid_request', '无法读取：{details}', 'Cannot be read: {details}'),
} as const satisfies Record<string, Entry>

export type MessageCode = keyof typeof messages

const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, en })

/** Words put into messages and audit summaries. */
const terms = {
  'task_state.created': t('已创建', 'created'),
  'task_state.assigned': t('已交办', 'assigned'),
  'task_state.acknowledged': t('已签收', 'acknowledged'),
  'task_state.in_progress': t('办理中', 'in progress'),
  'task_state.reported': t('已报送', 'reported'),
  'task_state.returned': t('已退回', 'returned'),
  'task_state.accepted': t('已验收', 'accepted'),
  'task_state.closed': t('已办结', 'closed'),
  'task_event.assign': t('交办', 'assign'),
  'task_event.acknowledge': t('签收', 'acknowledge'),
  'task_event.start': t('开始办理', 'start'),
  'task_event.report': t('报送', 'report'),
  'task_event.return': t('退回', 'return'),
  'task_event.accept': t('验收', 'accept'),
  'task_event.close': t('办结', 'close'),
  'period_state.open': t('未结算', 'open'),
  'period_state.settled': t('已结算', 'settled'),
  'period_state.closed': t('已关闭', 'closed'),
  'side.origin': t('流出地', 'origin'),
  'side.host': t('承接地', 'host'),
  'decision.accept': t('通过', 'accepted'),
  'decision.return': t('退回', 'returned'),
  'role.national_planner': t('国家规划人员', 'national planner'),
  'role.provincial_officer': t('省级工作人员', 'provincial officer'),
  'role.statistician': t('统计人员', 'statistician'),
  'role.park_admin': t('园区管理员', 'park administrator'),
  'role.reviewer': t('审核人员', 'reviewer'),
  'role.admin': t('系统管理员', 'administrator'),
  'role.public': t('公众', 'public'),
  'evidence_type.pdf': t('PDF 文件', 'PDF file'),
  'evidence_type.png': t('PNG 图片', 'PNG image'),
  'evidence_type.jpeg': t('JPEG 图片', 'JPEG image'),
  'evidence_type.xlsx': t('Excel 工作簿', 'Excel workbook'),
  'evidence_type.docx': t('Word 文档', 'Word document'),
  'evidence_type.csv': t('CSV 表格', 'CSV table'),
  'evidence_type.text': t('文本', 'text'),
} as const satisfies Record<string, Text>

export type TermKey = keyof typeof terms

/** A blank's value: shown as is, a term, or a text made in both languages (rendered in the answer's). */
export type Param = string | number | { term: TermKey } | Text
export type Params = Record<string, Param>

export function hasTerm(key: string): key is TermKey {
  return Object.hasOwn(terms, key)
}

export function term(lang: Lang, key: TermKey): string {
  return terms[key][lang]
}

/** A term if the key is one, else the raw value (a code the catalogue does not know yet). */
export function termOr(lang: Lang, key: string, raw: string): string {
  return hasTerm(key) ? term(lang, key) : raw
}

export function fill(template: string, lang: Lang, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (_m, k: string) => {
    const v = params[k]
    if (v === undefined) return `{${k}}`
    if (typeof v !== 'object') return String(v)
    return 'term' in v ? term(lang, v.term) : v[lang]
  })
}

export function message(lang: Lang, code: MessageCode, params: Params = {}): string {
  return fill(messages[code][lang], lang, params)
}

export function categoryOf(code: MessageCode): Category {
  return messages[code].category
}

/** Every key of both catalogues with both texts, for the test that checks each language. */
export function catalogueEntries(): { key: string; zh: string; en: string }[] {
  return [...Object.entries(messages), ...Object.entries(terms)].map(([key, v]) => ({
    key,
    zh: v['zh-CN'],
    en: v.en,
  }))
}

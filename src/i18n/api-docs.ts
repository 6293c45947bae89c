/**
 * The API documentation's own words in zh-CN: the page, the document's title and description,
 * and one summary per operation ("METHOD /path"). The English text stays beside each operation
 * in its route file; server/openapi-lang.ts puts these in its place for a Chinese reader.
 */
export const API_DOCS_ZH = {
  pageTitle: 'jueqi 接口文档',
  title: 'jueqi 接口',
  description:
    '中部地区崛起监测平台的地区、指标和分版本观测数据，以及规划、督办、考核与统计分成。只读接口无需登录。',
  switchTo: 'English',
} as const

export const API_DOCS_EN = {
  pageTitle: 'jueqi API documentation',
  title: 'jueqi API',
  description:
    'Regions, indicators and vintaged observations of the Rise of Central China monitoring platform, with plans, supervision, scorecards and statistics sharing. Read-only endpoints need no login.',
  switchTo: '中文',
} as const

export const OPERATION_SUMMARIES_ZH: Record<string, string> = {
  'POST /api/auth/password': '修改自己的密码（须提供当前密码；其他会话随之结束）',
  'GET /api/users': '用户列表及其角色与权限范围（仅管理员）',
  'POST /api/users': '创建用户：一个角色、一个权限范围；生成的初始密码只显示一次（仅管理员）',
  'POST /api/users/{username}/disabled': '停用或启用用户；停用即结束其会话（仅管理员）',
  'POST /api/users/{username}/password': '重置用户密码；新密码只显示一次，其会话随之结束（仅管理员）',
  'POST /api/users/{username}/grant': '修改用户的角色与权限范围（仅管理员）',
  'GET /api/regions/tree': '地区层级：全国 → 区域 → 省（depth=4 到地级，depth=5 到县级）',
  'GET /api/regions': '列出或搜索地区（现行代码）',
  'GET /api/regions/{code}': '单个地区',
  'GET /api/indicators': '指标目录（含存储指标与推算指标）',
  'GET /api/indicators/{key}': '单个指标：定义、单位、方向、来源序列，推算指标的公式',
  'GET /api/observations': '各地区指标观测值及其数据版本，JSON 或 CSV',
  'GET /api/releases': '数据版本（有名称和日期的发布），按时间倒序',
  'POST /api/releases':
    '省级统计人员从 CSV 或 XLSX 文件导入数据版本：每一行都须属于本地区（否则 403，不写入）；全部成功或全部不写入，列出每一处错误行；导入后进入审核，审核通过前不公开',
  'POST /api/releases/{id}/approval':
    '数据版本逐级审核：提交、逐级审核通过、撤回（仅在上一级尚未处理时）、由最高一级的另一人接受；待审核的数据版本不公开',
  'GET /api/maps/provinces': '省级行政区边界（GeoJSON），用于分级着色地图',
  'GET /api/plans': '规划及其现行发布版本（公众只能看到已发布的规划）',
  'GET /api/plans/{id}': '单个规划：规划树（现行发布版本或 ?version=N）及版本列表',
  'GET /api/plans/{id}/status': '规划各项目标在各地区的完成状态，以及判定所用的方法',
  'GET /api/plans/{id}/alignment':
    '省级规划或讲话部署与国家规划的对应：落实的国家条目、无对应的国家条目、未关联的本级条目',
  'POST /api/plans/{id}/drafts':
    '把修改后的规划树保存为新的草稿版本（条目改名、移动、合并、拆分，挂接目标和指标，关联国家条目）。basedOn 须为最新版本，在旧版本上的修改会被拒绝（409）；旧版本仍可查看，可据此撤销',
  'POST /api/plans/{id}/publish': '发布草稿版本；发布后即为现行规划，不再修改',
  'GET /api/tasks':
    '督办任务看板：任务、最新进展和当日蓝、黄、红预警（公众看到已交办任务，工作人员还能看到本地区新建任务）',
  'POST /api/tasks': '根据规划举措创建督办任务（立项）并交办',
  'GET /api/tasks/{id}':
    '单个任务：办理经过（何人、何时、何因）、进展报告（未审核的只向本地区工作人员显示）和下一步可执行的操作',
  'POST /api/tasks/{id}/transitions': '推进任务：交办、签收、开始办理、办结',
  'POST /api/tasks/{id}/evidence':
    '为报送中的任务上传佐证材料（PDF、PNG、JPEG、XLSX、DOCX、CSV、文本；类型按内容识别，须与文件名一致）',
  'GET /api/evidence/{sha256}': '下载佐证材料（本地区工作人员）；始终作为附件下载，不在页面中显示',
  'POST /api/tasks/{id}/reports':
    '报送任务进展（反馈）：情况说明、完成百分比、指标值、佐证材料；任务随后进入审核',
  'POST /api/reports/{id}/review':
    '审核进展报告（复核）：通过，或附意见退回；由上一级审核人员进行，不能由报送人审核',
  'GET /api/audit': '按对象、用户和时间查询审计日志（系统管理员和审核人员），并校验整条哈希链',
  'GET /api/scorecard':
    '省级考核：按带版本的评分方案为目标状态和任务完成情况评分，每一分都有说明并排名；JSON 或 XLSX',
  'GET /api/evaluations': '已保存的评估运行（jueqi assess），按时间倒序，附运行记录',
  'GET /api/evaluations/{id}':
    '单次评估运行（或 latest）：规划目标状态、带排名区间的指数、障碍度、耦合协调、差异与收敛',
  'GET /api/sharing/agreements': '跨区域经济统计分成协议：已生效的协议，以及您所在园区和地区的草稿',
  'POST /api/sharing/agreements': '起草统计分成协议（第 1 版）；双方确认后生效',
  'GET /api/sharing/agreements/{id}': '单个协议：协议双方、各版本及其确认情况、产出数据版本和分配结果',
  'POST /api/sharing/agreements/{id}/versions':
    '修订协议：替换最新草稿的条款（撤销已有确认），或新增自较晚日期起生效的草稿版本；已生效的版本不修改',
  'POST /api/sharing/agreements/{id}/versions/{version}/confirmation':
    '为本方（流出地或承接地）确认草稿版本；双方都确认后生效',
  'POST /api/sharing/agreements/{id}/releases':
    '把产出（承接地统计）或税收缴退（税务部门）记录为新的数据版本；全部成功或全部不写入；此前的版本保留',
  'POST /api/sharing/agreements/{id}/allocations':
    '按现行协议版本分配一个数据版本（默认最新）；另存为新的分配结果，此前的结果仍可查看',
  'GET /api/sharing/agreements/{id}/allocations/{allocation}':
    '已保存的分配结果，按一种口径显示：官方口径（属地，已发布）、分配口径（约定分成）或考核口径（双重计算，仅限协议双方，不公开）；附地区合计及平衡校验',
  'GET /api/sharing/agreements/{id}/reconciliation':
    '分配结果（默认最新）与最新记录的对账：按期间和指标列出各项目差异、流出地累计分成与上限的对比、条款状态和结算；JSON 或 XLSX',
  'POST /api/sharing/agreements/{id}/periods/{period}':
    '按最新分配结果结算、重新打开或关闭协议的某一期间（未结算 → 已结算 → 已关闭）',
  'GET /api/sharing/totals':
    '各现行协议最新分配结果下，分成指标按地区的合计：发布值（属地）与分成后的值；balanced 表示两者的地区总和是否相等',
  'GET /api/auth/session': '当前登录的用户，以及每次写操作须在 x-csrf-token 中发送的令牌',
  'POST /api/auth/login': '登录；设置 HttpOnly 会话凭据',
  'POST /api/auth/logout': '退出登录：删除会话并清除会话凭据',
}

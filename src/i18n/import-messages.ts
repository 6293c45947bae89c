/**
 * What is wrong with an imported file, in Chinese (the English is the issue's own `message`,
 * written by statistics/import and importer/). Blanks are the issue's `params`.
 */
export const IMPORT_ISSUES_ZH = {
  missing_column: '缺少“{value}”列',
  unknown_region: '未知地区“{value}”',
  unknown_indicator: '未知指标“{value}”',
  derived_indicator: '指标“{value}”是推算指标，请导入用于推算它的指标',
  not_a_number: '“{value}”不是数字',
  unit_mismatch: '单位“{value}”与指标“{indicator}”的单位（{unit}）不符',
  duplicate_cell: '同一地区、指标、年份和来源已在 {first} 给出',
  period_out_of_range: '“{value}”不是 {lo}–{hi} 之间的年份',
  bad_period_header: '列标题“{value}”不是年份',
  bad_vintage: '数据版本类型“{value}”无效，应为 {allowed} 之一',
  empty: '文件中没有数据',
  out_of_scope: '地区 {value} 不在您可以导入的地区范围内',
  extra_cell:
    '该行有 {cells} 个单元格，但表头只有 {columns} 列；“{value}”超出最后一列（可能是未加引号的数值中含有逗号）',
  not_finite: '“{value}”超出了数值所能保存的范围',
  bad_character: '“{value}”含有不允许的字符',
  no_header: '找不到表头行（地区与年份）',
  bad_action: '“{value}”不是 SDMX 的有效操作代码',
} as const

/** Problems of recorded outputs and tax payments (sharing/outputs.ts), in Chinese. */
export const RECORD_PROBLEMS_ZH = {
  unknown_project: '“{value}”不是协议中的项目',
  unknown_metric: '协议不分成指标“{value}”',
  wrong_period: '{metric} 的记录期间不能是“{value}”',
  tax_source: '{metric} 是税收，应由税务部门记录',
  statistic_source: '{metric} 是统计指标，应由承接地统计部门记录',
  twice: '{project} {metric} {period} 出现了两次',
} as const

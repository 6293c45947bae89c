/**
 * Every word a report prints, in zh-CN and English. Sentences are functions of the figures
 * (already formatted, units in the report's language), so each language builds its own sentence
 * order rather than filling one template.
 */

import { AHEAD_LABELS } from '../methods/progress/status.ts'
import { STATUS_LABELS, type Status } from '../plans/assess.ts'
import type { Lang } from './model.ts'

export interface Point {
  year: number
  value: string
}

export interface TargetSentence {
  region: string
  indicator: string
  base: Point | null
  current: Point | null
  goal: string | null
  deadline: number | null
  status: string
  rising: boolean | null
  gap: string | null
  /** the deadline year's figures are not yet published: judged on `current` */
  early: boolean
  forecast: { year: number; value: string; lower: string; upper: string; probability: string } | null
}

const zh = {
  finalTitle: (plan: string) => `《${plan}》目标终期评估报告`,
  finalSubtitle: (planId: string, version: number) => `规划 ${planId}，第 ${version} 版`,
  coverDate: '生成日期',
  coverDataAsOf: '数据截至',
  coverRun: '评估运行',
  coverReleases: '所读数据发布',
  coverHash: '正文内容哈希（SHA-256）',
  noRun: '尚无评估运行',
  sectionSummary: '总体评价',
  sectionTargets: '量化目标完成情况',
  sectionForecast: '到目标年的趋势预测',
  sectionGaps: '数据缺口',
  sectionSources: '数据来源',
  sectionMethods: '评估方法',
  tableTargets: '表 1  各量化目标的基期值、最新值、目标值与评估结论',
  tableForecast: '表 2  目标年数据尚未发布的目标：按趋势外推到目标年',
  tableGaps: '表 3  缺失的数据及原因',
  tableSources: '表 4  所用数据的来源与发布',
  colTarget: '目标',
  colRegion: '地区',
  colBase: '基期值（年份）',
  colLatest: '最新值（年份）',
  colGoal: '目标值（目标年）',
  colStatus: '评估结论',
  colGap: '差距',
  colPace: '实际进度 / 应达进度',
  colMethod: '判定方法',
  colForecast: '预测值',
  colInterval: '95% 预测区间',
  colProbability: '达到目标的概率',
  colIndicator: '指标',
  colYears: '缺失年份',
  colWhy: '原因',
  colSource: '来源',
  colRelease: '发布（日期）',
  overview: (n: number, counts: string) => `本规划共有 ${n} 项量化目标（按地区分列）。评估结论：${counts}。`,
  countItem: (label: string, n: number) => `${label} ${n} 项`,
  listJoin: '，',
  noGaps: '所有量化目标所需数据均已具备。',
  gapBase: '缺少基期数据',
  gapCurrent: '基期以后没有数据',
  gapCatalogue: '指标不在指标目录中',
  gapMethod: '该方法无法适用于此数据',
  gapUnpublished: '目标年数据尚未发布',
  methodsText:
    '目标状态按序时进度判定：实际进展 p =（最新值 − 基期值）/（目标值 − 基期值）与时间进度 e =（当年 − 基期年）/（目标年 − 基期年）之比不低于 0.95 为基本符合预期。目标年数据尚未发布时，按最新年份判定，并以普通最小二乘线性趋势外推到目标年，给出 95% 预测区间和达到目标的概率（残差自相关会使该概率偏于乐观）。缺失数据不计为零，也不参与评分。',
  method: (m: string) => METHOD_ZH[m] ?? m,
  referenceGoal: (region: string, at: Point | null) =>
    at ? `${region}水平（${at.year} 年为 ${at.value}）` : `${region}水平`,
  inStepGoal: (indicator: string) => `与${indicator}同步`,
  sentence: (s: TargetSentence): string => {
    const parts: string[] = []
    if (s.base && s.current) {
      const verb = s.rising === null ? '保持为' : s.rising ? '升至' : '降至'
      parts.push(
        `${s.region}${s.indicator}由 ${s.base.year} 年的 ${s.base.value} ${verb} ${s.current.year} 年的 ${s.current.value}`,
      )
    } else if (s.current) parts.push(`${s.region}${s.indicator} ${s.current.year} 年为 ${s.current.value}`)
    else parts.push(`${s.region}${s.indicator}缺少可用数据`)
    // "与…同步" is itself a verb phrase; a level is reached (达到)
    if (s.goal)
      parts.push(
        `目标为${s.deadline ? ` ${s.deadline} 年` : ''}${s.goal.startsWith('与') ? '' : '达到 '}${s.goal}`,
      )
    let text = `${parts.join('；')}，评估结论为“${s.status}”`
    if (s.gap) text += `，距目标尚差 ${s.gap}`
    text += '。'
    if (s.early && s.current && s.deadline)
      text += `${s.deadline} 年数据尚未发布，以上按 ${s.current.year} 年数据判定。`
    if (s.forecast)
      text += `按线性趋势外推，${s.forecast.year} 年预计为 ${s.forecast.value}（95% 预测区间 ${s.forecast.lower} 至 ${s.forecast.upper}），达到目标的概率约为 ${s.forecast.probability}。`
    return text
  },
}

const METHOD_ZH: Record<string, string> = {
  trajectory: '序时进度（轨迹法）',
  level: '序时进度（轨迹法）',
  reference: '与参照地区的差距',
  increment: '年度增量',
  in_step: '同步增长',
  change: '变化方向',
  qualitative: '定性目标',
  none: '无',
}

const METHOD_EN: Record<string, string> = {
  trajectory: 'pro-rata trajectory',
  reference: 'distance to a reference region',
  increment: 'annual increment',
  in_step: 'in step with another indicator',
  change: 'direction of change',
  qualitative: 'qualitative',
  none: 'none',
}

type Messages = typeof zh

const en: Messages = {
  finalTitle: (plan: string) => `Final assessment of the targets of “${plan}”`,
  finalSubtitle: (planId: string, version: number) => `Plan ${planId}, version ${version}`,
  coverDate: 'Generated on',
  coverDataAsOf: 'Data as of',
  coverRun: 'Evaluation run',
  coverReleases: 'Releases read',
  coverHash: 'Content hash of the body (SHA-256)',
  noRun: 'no evaluation run yet',
  sectionSummary: 'Summary',
  sectionTargets: 'Quantified targets',
  sectionForecast: 'Trend forecast to the deadline',
  sectionGaps: 'Data gaps',
  sectionSources: 'Sources',
  sectionMethods: 'Methods',
  tableTargets: 'Table 1  Baseline, latest value, target and status of each quantified target',
  tableForecast: 'Table 2  Targets whose deadline-year figures are not yet published: trend to the deadline',
  tableGaps: 'Table 3  Missing data and why',
  tableSources: 'Table 4  Sources and releases of the figures used',
  colTarget: 'Target',
  colRegion: 'Region',
  colBase: 'Baseline (year)',
  colLatest: 'Latest (year)',
  colGoal: 'Target (deadline)',
  colStatus: 'Status',
  colGap: 'Gap',
  colPace: 'Pace achieved / needed',
  colMethod: 'Decided by',
  colForecast: 'Forecast',
  colInterval: '95% prediction interval',
  colProbability: 'Probability of reaching the target',
  colIndicator: 'Indicator',
  colYears: 'Years missing',
  colWhy: 'Why',
  colSource: 'Source',
  colRelease: 'Release (date)',
  overview: (n: number, counts: string) =>
    `The plan has ${n} quantified targets (counted per region). Statuses: ${counts}.`,
  countItem: (label: string, n: number) => `${label.toLowerCase()} ${n}`,
  listJoin: ', ',
  noGaps: 'Every figure the quantified targets need is available.',
  gapBase: 'no figure for the base year',
  gapCurrent: 'no figure after the base year',
  gapCatalogue: 'the indicator is not in the catalogue',
  gapMethod: 'the method cannot be applied to these figures',
  gapUnpublished: 'the deadline year’s figures are not yet published',
  methodsText:
    'A target’s status is decided by pro-rata pacing: progress p = (latest − baseline)/(target − baseline) against the share of the plan period elapsed e = (year − base year)/(deadline − base year); a ratio p/e of at least 0.95 is on track. Where the deadline year’s figures are not yet published, the status is judged on the latest year, and an ordinary least-squares linear trend gives the forecast to the deadline with its 95% prediction interval and the probability of reaching the target (residual autocorrelation makes that probability over-confident). Missing data is never counted as zero and never scored.',
  method: (m: string) => METHOD_EN[m] ?? m,
  referenceGoal: (region: string, at: Point | null) =>
    at ? `the level of ${region} (${at.value} in ${at.year})` : `the level of ${region}`,
  inStepGoal: (indicator: string) => `in step with ${indicator}`,
  sentence: (s: TargetSentence): string => {
    let text: string
    if (s.base && s.current) {
      const verb = s.rising === null ? 'stayed at' : s.rising ? 'rose to' : 'fell to'
      text = `In ${s.region}, ${s.indicator} ${verb} ${s.current.value} in ${s.current.year}, from ${s.base.value} in ${s.base.year}`
    } else if (s.current) text = `In ${s.region}, ${s.indicator} was ${s.current.value} in ${s.current.year}`
    else {
      const goal = s.goal ? ` (target: ${s.goal}${s.deadline ? ` by ${s.deadline}` : ''})` : ''
      return `In ${s.region}, ${s.indicator}${goal} cannot be judged (${s.status.toLowerCase()}): no usable figures are available.`
    }
    if (s.goal) text += `, against a target of ${s.goal}${s.deadline ? ` by ${s.deadline}` : ''}`
    text += `: ${s.status.toLowerCase()}`
    if (s.gap) text += `, ${s.gap} short of the target`
    text += '.'
    if (s.early && s.current && s.deadline)
      text += ` The ${s.deadline} figures are not yet published, so this is judged on ${s.current.year}.`
    if (s.forecast)
      text += ` On its linear trend it would reach ${s.forecast.value} in ${s.forecast.year} (95% prediction interval ${s.forecast.lower} to ${s.forecast.upper}), a probability of about ${s.forecast.probability} of meeting the target.`
    return text
  },
}

export const MESSAGES: Record<Lang, Messages> = { zh, en }

export function statusText(status: Status, ahead: boolean, lang: Lang): string {
  const l = status === 'on_track' && ahead ? AHEAD_LABELS : STATUS_LABELS[status]
  return l[lang]
}

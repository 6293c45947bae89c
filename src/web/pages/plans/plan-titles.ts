/** A plan item as people name it: its outline number in the page language's convention and its title. */
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { api, type PlanNode } from '../../api.ts'
import { useLoad } from '../../hooks.ts'
import { outlineNumber, pick } from '../../i18n/words.ts'
import { findWithParent } from './tree-edit.ts'

/** The title in the page language (the other one when it has none), without the number. */
export const nodeTitle = (n: Pick<PlanNode, 'title_zh' | 'title_en'>, lang: string): string =>
  pick({ zh: n.title_zh, en: n.title_en ?? null }, lang)

/** "（三） 做大做强先进制造业" / "(3) Grow and strengthen advanced manufacturing". */
export function numberedTitle(
  n: Pick<PlanNode, 'number' | 'number_en' | 'title_zh' | 'title_en'>,
  lang: string,
): string {
  // the API's Arabic number for English where it sends one
  const number = outlineNumber(lang === 'en' ? (n.number_en ?? n.number) : n.number, lang)
  return number ? `${number} ${nodeTitle(n, lang)}` : nodeTitle(n, lang)
}

/** The item `id` of a plan tree, if it has one. */
export const findNode = (tree: PlanNode, id: string): PlanNode | undefined => findWithParent(tree, id)?.node

let trees: Promise<PlanNode[]> | undefined

/** Every plan's outline (there are a handful), asked for once: items of any plan can be named. */
export function planTrees(): Promise<PlanNode[]> {
  trees ??= api
    .plans()
    .then((plans) => Promise.all(plans.map((p) => api.plan(p.planId).then((d) => d.tree))))
    .catch((e: unknown) => {
      trees = undefined
      throw e
    })
  return trees
}

/** `(id) => "number title"` of a plan item in the page language; the id while the plans load or for an unknown item. */
export function usePlanItemTitle(): (id: string) => string {
  const { i18n } = useTranslation()
  const { data } = useLoad(planTrees, 'plan-trees')
  return useCallback(
    (id: string) => {
      for (const tree of data ?? []) {
        const n = findNode(tree, id)
        if (n) return numberedTitle(n, i18n.language)
      }
      return id
    },
    [data, i18n.language],
  )
}

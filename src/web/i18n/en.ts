import type { zhCN } from './zh-CN.ts'

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

export const en: Shape<typeof zhCN> = {
  app: { title: 'jueqi · Monitoring the Rise of Central China', short: 'jueqi' },
  nav: { overview: 'Targets', map: 'Map', indicators: 'Indicators', regions: 'Regions', apiDocs: 'API docs' },
  lang: { switch: '中文', label: 'Language' },
  common: {
    noData: 'No data',
    loading: 'Loading…',
    error: 'Could not load: {{message}}',
    source: 'Source',
    release: 'Release',
    year: 'Year',
    value: 'Value',
    unit: 'Unit',
    region: 'Region',
    indicator: 'Indicator',
    derived: 'derived by jueqi',
    downloadCsv: 'Download CSV',
    latest: 'Latest',
    trend: 'Trend',
    national: 'China (national)',
    central: 'Central region',
    since: 'vs {{year}}',
    preferred: 'preferred',
    alsoReported: 'also reported',
    note: 'Note',
    synthetic: 'SYNTHETIC',
  },
  overview: {
    heading: 'The five quantified targets of the 2021 Opinions: six central provinces against the nation',
    intro:
      'Each cell is the latest value available for the province (with its year) and the change since the previous available year; green is an improvement, red a deterioration. All figures come from the built-in dataset with their sources.',
    target: 'Target',
    targets: {
      rd_intensity: 'R&D intensity reaches the national average',
      urbanization_rate_derived: 'Urbanisation rate up about 1 percentage point a year',
      energy_intensity: 'Energy consumption per unit of GDP falls',
      co2_intensity: 'CO2 emissions per unit of GDP fall',
      disposable_income_per_capita: 'Household income grows in step with the economy',
    },
  },
  map: {
    heading: 'Map of the provinces',
    indicator: 'Indicator',
    year: 'Year',
    disclaimer:
      'The base map is for illustration only: it has not been through official map review (no map approval number) and has no South China Sea inset.',
    centralHighlight: 'The six central provinces are outlined in bold.',
  },
  indicator: {
    definition: 'Definition',
    sourceSeries: 'Source series',
    formula: 'Formula',
    direction: 'Direction',
    directions: { higher: 'higher is better', lower: 'lower is better', neutral: 'neutral (context)' },
    regions: 'Regions to compare',
    series: 'Series',
    table: 'Table',
    breaks: 'Series breaks',
    choose: 'Choose an indicator',
  },
  region: {
    heading: '{{name}}: all indicators',
    compare: 'Against the nation and the central region',
    choose: 'Choose a region',
  },
}

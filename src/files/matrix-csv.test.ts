import { describe, expect, it } from 'vitest'
import { matrixFromCsvText } from './matrix-csv.ts'

describe('matrix CSV', () => {
  it('reads units, numeric columns and missing cells', () => {
    const { matrix, text } = matrixFromCsvText('id,a,b,g\nx,1,NA,east\ny,2.5,3,west\n', 'm.csv', ['g'])
    expect(matrix.units).toEqual(['x', 'y'])
    expect(matrix.columns).toEqual(['a', 'b'])
    expect(Array.from(matrix.data)).toEqual([1, Number.NaN, 2.5, 3])
    expect(text.g).toEqual(['east', 'west'])
  })
  it('names the file, line and column of a cell that is not a number', () => {
    expect(() => matrixFromCsvText('id,a\nx,1\ny,abc\n', 'm.csv')).toThrow('m.csv:3:a: "abc" is not a number')
    expect(() => matrixFromCsvText('id,a\nx,1\n', 'm.csv', ['g'])).toThrow('no column "g"')
  })
})

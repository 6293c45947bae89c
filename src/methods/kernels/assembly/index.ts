// The WebAssembly kernels of the evaluation methods (compiled by scripts/build-kernels.ts into
// ../wasm.generated.ts). Every function takes byte addresses in the one shared memory that the
// JavaScript side allocates (../heap.ts); none allocates or keeps state, so one module instance per
// thread can run on the same memory at once.
export { initConstants, logArray } from './log'
export { sortArray, sortScratchBytes } from './sort'
export { columnRanges, entropySums } from './entropy'
export { giniColumns, giniScratchBytes, groupedFinish, groupedLogs, groupedPrep, groupedSums } from './disparity'
export { aggregateRows, runSums } from './aggregate'
export { expArray } from './exp'
export { formedRunSums, formMatrix, topsisDistances, topsisRanges } from './topsis'
export { rankInto, rankScratchBytes } from './rank'
export { obstacleRows } from './obstacle'

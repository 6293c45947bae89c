// Test helper (heap.test.ts): runs heap-stress.ts in a worker on the memory it is given.
import { parentPort, workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
const { attachHeap } = await import('./heap.ts')
const { stress } = await import('./heap-stress.ts')
attachHeap({ memory: workerData.memory })
parentPort.postMessage('ready')
parentPort.once('message', () => parentPort.postMessage(stress(workerData.id, workerData.rounds)))

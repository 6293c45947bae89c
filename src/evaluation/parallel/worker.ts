/** The worker thread's loop: run each task message and post its response with the same id. */
import { parentPort } from 'node:worker_threads'
import { runTask, type TaskRequest } from './tasks.ts'

parentPort!.on('message', (m: TaskRequest & { id: number }) => {
  try {
    parentPort!.postMessage({ id: m.id, ...runTask(m) })
  } catch (e) {
    parentPort!.postMessage({ id: m.id, task: 'error', message: e instanceof Error ? e.message : String(e) })
  }
})

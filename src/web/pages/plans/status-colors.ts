import type { TargetStatus } from '../../api.ts'

/** One colour per status, used by tags and tree dots alike. */
export const STATUS_COLOR: Record<TargetStatus['status'], string> = {
  achieved: 'green',
  on_track: 'cyan',
  off_track: 'orange',
  regressing: 'red',
  insufficient_data: 'default',
  not_assessable: 'default',
}

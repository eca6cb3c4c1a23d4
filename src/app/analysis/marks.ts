/** Labels of the balance and comparison views; the colours are the graph's own (render/analysisMarks.ts). */
export { CAMP_COLORS, MARK_COLORS, OUTSIDE_COLOR } from '../../render/analysisMarks'

export const CHANGE_LABEL = {
  formed: 'Formed',
  ended: 'Ended',
  changed: 'Changed',
  unchanged: 'Unchanged',
} as const

export const STATE_LABEL = {
  absent: 'absent',
  cooperative: 'cooperative',
  hostile: 'hostile',
  neutral: 'neutral',
  contested: 'contested',
} as const

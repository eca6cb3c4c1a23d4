/**
 * Colours and marks of the balance and comparison views, shared by the legend, the panels and the
 * graph. Camp colours are from the Okabe–Ito palette (distinct for colour-blind readers; not the
 * hues of the default relation types), the third a neutral grey for actors outside the signed network.
 */
export const CAMP_COLORS = ['#E69F00', '#56B4E9'] as const
export const OUTSIDE_COLOR = '#8C8C8C'

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

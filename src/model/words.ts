/** The words the interface shows for the encoded values (the panels, the legend, the exports). */
import type { ActorKind, Stance } from './types'

export const STANCE_LABEL: Readonly<Record<Stance, string>> = {
  cooperative: 'Cooperative',
  hostile: 'Hostile',
  neutral: 'Neutral',
}

export const KIND_LABEL: Readonly<Record<ActorKind, string>> = {
  state: 'State',
  organisation: 'Organisation',
  bloc: 'Bloc',
  'armed-group': 'Armed group',
  person: 'Person',
  other: 'Other',
}

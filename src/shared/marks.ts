/**
 * Marks for the profile of the first frame (bench/README.md, "Where the first frame goes"): each
 * step of the boot puts `ae:<step>` on the page's performance timeline once, and the bench reads
 * them. A mark costs a microsecond; nothing else reads them.
 */
const seen = new Set<string>()

export function markOnce(step: string): void {
  if (seen.has(step)) return
  seen.add(step)
  try {
    performance.mark(`ae:${step}`)
  } catch {
    // no User Timing (old test environments): the profile lacks this step
  }
}

// Types for scripts/chromium.mjs, imported by fixtures.ts as '../../scripts/chromium.mjs'. An
// ambient module name cannot be relative, so this pattern matches that import path instead.
declare module '*/scripts/chromium.mjs' {
  export const HOW_TO_GET_ONE: string
  export function findChromium(): Promise<string>
  export function launchArgs(): string[]
  export function freshProfileDir(): string
}

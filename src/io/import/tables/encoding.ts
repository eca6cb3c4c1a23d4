/**
 * Bytes of a table → text, saying which encoding was used. The rule, in order: a byte-order mark
 * (UTF-8, UTF-16LE, UTF-16BE); UTF-16 without a mark, recognised by zero bytes in every other place
 * of the first kilobytes (Windows "Unicode text" exports); valid UTF-8; else Windows-1252, the
 * encoding of spreadsheet exports on Western-European Windows machines. Bytes that are not text in
 * any of these (zero bytes in an 8-bit file, or the five byte values Windows-1252 leaves undefined)
 * make the encoding unknown: a problem, never a silent guess.
 */
export type TableEncoding = 'UTF-8' | 'UTF-8 with byte-order mark' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252'

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: TableEncoding }
  | { readonly ok: false; readonly message: string }

/** Byte values Windows-1252 does not define. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d])

/**
 * Windows-1252's characters for the bytes 0x80–0x9F (the rest is Latin-1). Written out because
 * Node's TextDecoder (to v22) decodes "windows-1252" as Latin-1, giving control characters where
 * the file has ’ “ ” € —, and the command line must read a file as the browser does.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
]

/** Bytes as Windows-1252 text. Every byte is one character, so chunks decode on their own. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = []
  const CHUNK = 0x8000
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const end = Math.min(bytes.length, i + CHUNK)
    const codes = new Uint16Array(end - i)
    for (let k = i; k < end; k++) {
      const b = bytes[k]!
      codes[k - i] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b
    }
    parts.push(String.fromCharCode(...codes))
  }
  return parts.join('')
}

/** UTF-16 without a byte-order mark: which half of each pair is mostly zero, if one is. */
function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096)
  if (n < 4) return undefined
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++
    if (bytes[i + 1] === 0) oddZero++
  }
  const pairs = n / 2
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.1) return 'utf-16le'
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.1) return 'utf-16be'
  return undefined
}

export function decodeTable(bytes: Uint8Array): DecodeResult {
  const b0 = bytes[0]
  const b1 = bytes[1]
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    return {
      ok: true,
      text: new TextDecoder('utf-8').decode(bytes.subarray(3)),
      encoding: 'UTF-8 with byte-order mark',
    }
  }
  if (b0 === 0xff && b1 === 0xfe)
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' }
  if (b0 === 0xfe && b1 === 0xff)
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' }
  const wide = utf16WithoutMark(bytes)
  if (wide) {
    return {
      ok: true,
      text: new TextDecoder(wide).decode(bytes),
      encoding: wide === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE',
    }
  }
  let zeroAt = -1
  let undefinedAt = -1
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!
    if (c === 0) {
      zeroAt = i
      break
    }
    if (undefinedAt < 0 && CP1252_UNDEFINED.has(c)) undefinedAt = i
  }
  if (zeroAt >= 0) {
    return {
      ok: false,
      message: `the encoding was not recognised: byte ${zeroAt + 1} is a zero byte, as in binary files (expected UTF-8, UTF-16 or Windows-1252 text)`,
    }
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' }
  } catch {
    // not UTF-8: fall through
  }
  if (undefinedAt >= 0) {
    return {
      ok: false,
      message: `the encoding was not recognised: the file is not UTF-8, and byte ${undefinedAt + 1} (0x${bytes[undefinedAt]!.toString(16).toUpperCase()}) is not a character in Windows-1252 either`,
    }
  }
  return { ok: true, text: decodeWindows1252(bytes), encoding: 'Windows-1252' }
}

/**
 * Finds where JSON text stops being valid. Used only after JSON.parse has failed, because not every
 * engine says where (Node 20's V8 names the token but not its position). Iterative, so deeply
 * nested input cannot overflow the stack; linear in the text's length.
 */
export function locateJsonError(text: string): { position: number; expected: string } {
  let i = 0
  const n = text.length
  const stack: ('{' | '[')[] = []
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === 32 || c === 9 || c === 10 || c === 13) i++
      else break
    }
  }
  const fail = (expected: string) => ({ position: i, expected })
  const str = (): boolean => {
    i++ // opening quote
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === 34) {
        i++
        return true
      }
      if (c < 32) return false
      if (c === 92) {
        const e = text[i + 1]
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false
          i += 6
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2
        else return false
      } else i++
    }
    return false
  }
  const num = (): boolean => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400))
    if (!m) return false
    i += m[0].length
    return true
  }
  // state: 'value' expects a value; 'after' expects , or a closer
  let expectValue = true
  ws()
  while (true) {
    ws()
    if (expectValue) {
      if (i >= n) return fail('a value')
      const c = text[i]
      if (c === '{') {
        i++
        ws()
        if (text[i] === '}') {
          i++
          expectValue = false
          continue
        }
        stack.push('{')
        if (text[i] !== '"') return fail('a property name in double quotes')
        if (!str()) return fail('a complete string')
        ws()
        if (text[i] !== ':') return fail('":"')
        i++
        continue
      }
      if (c === '[') {
        i++
        ws()
        if (text[i] === ']') {
          i++
          expectValue = false
          continue
        }
        stack.push('[')
        continue
      }
      if (c === '"') {
        if (!str()) return fail('a complete string')
      } else if (text.startsWith('true', i)) i += 4
      else if (text.startsWith('false', i)) i += 5
      else if (text.startsWith('null', i)) i += 4
      else if (!num()) return fail('a value')
      expectValue = false
      continue
    }
    const top = stack[stack.length - 1]
    if (top === undefined) {
      return i < n ? fail('the end of the file') : { position: n, expected: '' }
    }
    if (i >= n) return fail(top === '{' ? '"," or "}"' : '"," or "]"')
    const c = text[i]
    if (c === ',') {
      i++
      ws()
      if (top === '{') {
        if (text[i] !== '"') return fail('a property name in double quotes')
        if (!str()) return fail('a complete string')
        ws()
        if (text[i] !== ':') return fail('":"')
        i++
      }
      expectValue = true
      continue
    }
    if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
      i++
      stack.pop()
      continue
    }
    return fail(top === '{' ? '"," or "}"' : '"," or "]"')
  }
}

import { describe, expect, it } from 'vitest'
import { formatLink, parseLinkHash, serverAddressProblem } from '../../../src/collab/protocol'
import { personOf } from '../../../src/session/live'

describe('live links', () => {
  const link = { server: 'wss://collab.example.org/sync', room: 'A'.repeat(22), secret: 'b-_'.repeat(15) }

  it('carry the server, the room and the secret in the fragment, and read back the same', () => {
    const url = formatLink('https://maps.example.org/explorer/?x=1', link)
    const u = new URL(url)
    expect(u.pathname).toBe('/explorer/')
    expect(u.search).toBe('?x=1')
    expect(u.hash.startsWith('#live=')).toBe(true)
    // Nothing of the secret outside the fragment (the part a browser sends to a web server).
    expect(url.split('#')[0]).not.toContain(link.secret)
    expect(parseLinkHash(u.hash)).toEqual(link)
  })

  it('ignore other fragments and refuse broken ones with a sentence', () => {
    expect(parseLinkHash('')).toBeNull()
    expect(parseLinkHash('#details')).toBeNull()
    expect(() => parseLinkHash('#live=abc')).toThrow(/incomplete/)
    expect(() =>
      parseLinkHash(`#live=${encodeURIComponent('http://x')}~${link.room}~${link.secret}`),
    ).toThrow(/must start with ws:\/\/ or wss:\/\//)
    expect(() => parseLinkHash(`#live=${encodeURIComponent(link.server)}~short~${link.secret}`)).toThrow(
      /room/,
    )
    expect(() => parseLinkHash(`#live=${encodeURIComponent(link.server)}~${link.room}~short`)).toThrow(
      /secret/,
    )
  })

  it('server addresses must be ws:// or wss://', () => {
    expect(serverAddressProblem('ws://127.0.0.1:1234')).toBeNull()
    expect(serverAddressProblem('wss://collab.example.org')).toBeNull()
    expect(serverAddressProblem('https://collab.example.org')).toMatch(/ws:\/\//)
    expect(serverAddressProblem('nonsense')).toMatch(/not an address/)
  })
})

describe('people from awareness states', () => {
  it('reads a name, a colour and a selected actor; untrusted values are bounded or replaced', () => {
    expect(personOf(7, { user: { name: ' Ana ', color: '#112233' }, selected: 'iran' }, true)).toEqual({
      clientId: 7,
      name: 'Ana',
      color: '#112233',
      selected: 'iran',
      self: true,
    })
    const odd = personOf(
      8,
      { user: { name: 'x'.repeat(500), color: 'red; background: url(x)' }, selected: 5 },
      false,
    )
    expect(odd?.name).toHaveLength(60)
    expect(odd?.color).toMatch(/^#[0-9a-f]{6}$/i)
    expect(odd?.selected).toBeNull()
    expect(personOf(9, { user: {} }, false)).toBeNull()
    expect(personOf(9, null, false)).toBeNull()
  })
})

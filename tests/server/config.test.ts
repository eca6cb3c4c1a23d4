// @vitest-environment node
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { ConfigError, DEFAULT_ORIGINS, parseConfig } from '../../server/config'
import { checkMessage, Malformed, rateLimiter } from '../../server/guard'
import { NETWORK_ROOTS } from '../../server/collab'
import { msg } from './helpers'

describe('collab server settings', () => {
  it('has loopback-only defaults', () => {
    const c = parseConfig([], {}, '/srv')
    expect(c).toEqual({
      port: 1234,
      host: '127.0.0.1',
      data: '/srv/collab-data',
      origins: DEFAULT_ORIGINS,
      redis: null,
      maxMessageBytes: 5 * 1024 * 1024,
      rate: 200,
      roomsPerHour: 60,
    })
  })

  it('reads each flag, in both spellings, and its COLLAB_ variable; a flag wins', () => {
    const env = {
      COLLAB_PORT: '4000',
      COLLAB_HOST: '0.0.0.0',
      COLLAB_DATA: '/var/rooms',
      COLLAB_ORIGINS: 'https://a.example, https://b.example',
      COLLAB_REDIS: 'redis.internal:6380',
    }
    expect(parseConfig([], env, '/srv')).toMatchObject({
      port: 4000,
      host: '0.0.0.0',
      data: '/var/rooms',
      origins: ['https://a.example', 'https://b.example'],
      redis: { host: 'redis.internal', port: 6380 },
    })
    const c = parseConfig(
      ['--port', '5000', '--origins=*', '--data', 'here', '--redis', '[::1]:6379'],
      env,
      '/srv',
    )
    expect(c).toMatchObject({
      port: 5000,
      origins: ['*'],
      data: '/srv/here',
      redis: { host: '::1', port: 6379 },
    })
  })

  it('refuses bad values with a sentence naming the flag or variable', () => {
    const bad: [string[], Record<string, string>, RegExp][] = [
      [['--port', 'abc'], {}, /--port must be a whole number/],
      [['--port', '70000'], {}, /--port must be between 0 and 65535/],
      [[], { COLLAB_PORT: '-1' }, /COLLAB_PORT must be a whole number/],
      [['--redis', 'localhost'], {}, /--redis must be host:port/],
      [['--origins', 'https://a.example/'], {}, /did you mean "https:\/\/a.example"/],
      [['--origins', 'nope'], {}, /"nope" is not an origin/],
      [['--verbose'], {}, /unknown option "--verbose"/],
      [['--port'], {}, /--port needs a value/],
    ]
    for (const [argv, env, re] of bad) {
      expect(() => parseConfig(argv, env)).toThrow(ConfigError)
      expect(() => parseConfig(argv, env)).toThrow(re)
    }
  })
})

describe('message checks', () => {
  const room = 'r'.repeat(22)
  it('accepts the messages a provider sends', () => {
    const d = new Y.Doc()
    d.getMap('actors').set('a', new Y.Map())
    d.getArray('log').push([{ label: 'x' }])
    expect(() => checkMessage(msg.auth(room, 'secret'), NETWORK_ROOTS)).not.toThrow()
    expect(() => checkMessage(msg.syncStep1(room, d), NETWORK_ROOTS)).not.toThrow()
    expect(() => checkMessage(msg.update(room, Y.encodeStateAsUpdate(d)), NETWORK_ROOTS)).not.toThrow()
  })

  it('names what is wrong with a malformed one', () => {
    const other = new Y.Doc()
    other.getText('notes').insert(0, 'hi')
    const unknownType = (() => {
      const e = encoding.createEncoder()
      encoding.writeVarString(e, room)
      encoding.writeVarUint(e, 42)
      return encoding.toUint8Array(e)
    })()
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array([]), /document name/],
      [new Uint8Array([5, 65]), /document name/],
      [unknownType, /unknown message type 42/],
      [msg.update(room, new Uint8Array([9, 9, 9])), /document update/],
      [msg.update(room, Y.encodeStateAsUpdate(other)), /writes to "notes"/],
    ]
    for (const [bytes, re] of cases) {
      expect(() => checkMessage(bytes, NETWORK_ROOTS)).toThrow(Malformed)
      expect(() => checkMessage(bytes, NETWORK_ROOTS)).toThrow(re)
    }
  })

  it('rate limiter: a burst, then the rate', () => {
    let t = 0
    const allow = rateLimiter(10, 20, () => t)
    let n = 0
    while (allow()) n++
    expect(n).toBe(20)
    t += 500 // half a second: 5 more
    n = 0
    while (allow()) n++
    expect(n).toBe(5)
  })
})

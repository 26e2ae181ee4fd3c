import { describe, expect, it } from 'vitest'

import { clientAddresses, cmsOrigin, isLocalRequest, isPublicDeployment, listenHost, trustedOrigins } from '../../cms/lib/deployment.ts'

describe('deployment', () => {
  it('listens on loopback unless HOST says otherwise', () => {
    expect(listenHost({})).toBe('127.0.0.1')
    expect(listenHost({ HOST: '0.0.0.0' })).toBe('0.0.0.0')
  })

  it('is a local trial only when every address and origin is this machine and NODE_ENV is not production', () => {
    expect(isPublicDeployment({})).toBe(false)
    expect(isPublicDeployment({ HOST: '::1', SERVER_URL: 'http://127.0.0.1:3000' })).toBe(false)
    expect(isPublicDeployment({ HOST: '0.0.0.0' })).toBe(true)
    expect(isPublicDeployment({ SERVER_URL: 'https://cms.example.gov.cn' })).toBe(true)
    expect(isPublicDeployment({ SITE_URL: 'https://www.example.gov.cn' })).toBe(true)
    expect(isPublicDeployment({ NODE_ENV: 'production' })).toBe(true)
  })

  it('follows what npm start decided, not the NODE_ENV that next start forces on the CMS', () => {
    expect(isPublicDeployment({ NODE_ENV: 'production', WENMING_DEPLOYMENT: 'local' })).toBe(false)
    expect(isPublicDeployment({ WENMING_DEPLOYMENT: 'public' })).toBe(true)
  })

  it('trusts the CMS origin for cookies (and its loopback spellings on a local trial)', () => {
    expect(trustedOrigins({ SERVER_URL: 'https://cms.example.gov.cn/' })).toEqual(['https://cms.example.gov.cn'])
    expect(trustedOrigins({ PORT: '3391' })).toEqual(['http://localhost:3391', 'http://127.0.0.1:3391'])
    expect(cmsOrigin({})).toBe('http://localhost:3000')
  })

  it('counts a request as local only when every address it names is loopback', () => {
    const h = (init: Record<string, string>) => new Headers(init)
    expect(isLocalRequest(h({ 'x-forwarded-for': '127.0.0.1' }), {})).toBe(true)
    expect(isLocalRequest(h({ 'x-forwarded-for': '::ffff:127.0.0.1' }), {})).toBe(true)
    expect(isLocalRequest(h({ 'x-forwarded-for': '127.0.0.1, 203.0.113.4' }), {})).toBe(false)
    expect(isLocalRequest(h({ 'x-forwarded-for': '127.0.0.1', forwarded: 'for="[2001:db8::1]"' }), {})).toBe(false)
    expect(isLocalRequest(h({}), {})).toBe(false)
    expect(isLocalRequest(h({ 'x-forwarded-for': '127.0.0.1' }), { HOST: '0.0.0.0' })).toBe(false)
    expect(clientAddresses(h({ forwarded: 'for=192.0.2.60;proto=http, for="[2001:db8:cafe::17]:4711"' }))).toEqual(['192.0.2.60', '2001:db8:cafe::17'])
  })
})

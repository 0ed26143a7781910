// /api/docs: the interactive reference is served from swagger-ui-dist's own files (no CDN), points at the
// generated document, and serves nothing of the package folder but the files it needs.
import { describe, expect, it } from 'vitest';
import { createTestDeps } from '../helpers/deps.js';
import { startApi } from './helpers.js';

const deps = await createTestDeps();
const api = await startApi(deps);

describe('API reference at /api/docs', () => {
  it('is a page whose scripts and styles all come from this server, reading /api/v1/openapi.json', async () => {
    const res = await fetch(`${api.base}/api/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThanOrEqual(4);
    for (const ref of refs) {
      expect(ref.startsWith('/api/docs/'), ref).toBe(true);
      const asset = await fetch(api.base + ref);
      expect(asset.status, ref).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, ref).toBeGreaterThan(0);
    }
    const init = await (await fetch(`${api.base}/api/docs/init.js`)).text();
    expect(init).toContain('"/api/v1/openapi.json"');
  });

  it('serves no other file of the package, and no path outside it', async () => {
    for (const path of ['/api/docs/package.json', '/api/docs/..%2F..%2Fpackage.json', '/api/docs/index.html']) {
      const res = await fetch(api.base + path);
      expect(res.status, path).toBe(404);
    }
  });
});

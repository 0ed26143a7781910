// The interactive API reference at /api/docs: Swagger UI served from the swagger-ui-dist package's own
// files (no CDN — the operator's network may have no way out), reading the generated OpenAPI document.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Hono } from 'hono';

export const DOCS_PATH = '/api/docs';

/** The files of the package the page needs, and their types; nothing else of the folder is served. */
const SCRIPT = 'text/javascript; charset=utf-8';
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': SCRIPT,
  'swagger-ui-standalone-preset.js': SCRIPT,
  'favicon-32x32.png': 'image/png',
};

// A script file of our own instead of an inline one, so the page runs under a CSP without 'unsafe-inline'.
const initScript = (specUrl: string) => `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(specUrl)},
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
  });
});
`;

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Portal Bot operator API</title>
  <link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css">
  <link rel="icon" type="image/png" href="${DOCS_PATH}/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${DOCS_PATH}/swagger-ui-bundle.js"></script>
  <script src="${DOCS_PATH}/swagger-ui-standalone-preset.js"></script>
  <script src="${DOCS_PATH}/init.js"></script>
</body>
</html>
`;

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:";

function packageFolder(): string {
  const require = createRequire(import.meta.url);
  return (require('swagger-ui-dist') as { getAbsoluteFSPath(): string }).getAbsoluteFSPath();
}

export function mountApiDocs(app: Hono<never>, specUrl: string): void {
  const cache = new Map<string, Buffer>();
  let folder: string | undefined;
  const headers = (type: string) => ({ 'content-type': type, 'content-security-policy': CSP });
  app.get(DOCS_PATH, (c) => c.body(page, 200, headers('text/html; charset=utf-8')));
  app.get(`${DOCS_PATH}/init.js`, (c) => c.body(initScript(specUrl), 200, headers(SCRIPT)));
  app.get(`${DOCS_PATH}/:file`, async (c) => {
    const file = c.req.param('file');
    const type = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!type) return c.notFound();
    let body = cache.get(file);
    if (!body) {
      folder ??= packageFolder();
      body = await readFile(join(folder, file));
      cache.set(file, body);
    }
    return c.body(new Uint8Array(body), 200, { ...headers(type), 'cache-control': 'public, max-age=86400' });
  });
}

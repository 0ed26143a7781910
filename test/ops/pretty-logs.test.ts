// Issue 25 item 5: readable log lines (pino-pretty) when stdout is a terminal and not in production; JSON
// lines otherwise. Redaction happens before the prettifier, so secrets stay out of readable lines too.
import { execFileSync, spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLogger, prettyLogs } from '../../src/logger.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const hasScript = spawnSync('script', ['--version']).status === 0;

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('log format', () => {
  it('is readable on a terminal outside production only', () => {
    expect(prettyLogs('development', { isTTY: true })).toBe(true);
    expect(prettyLogs('test', { isTTY: true })).toBe(true);
    expect(prettyLogs('production', { isTTY: true })).toBe(false);
    expect(prettyLogs('development', { isTTY: false })).toBe(false);
    expect(prettyLogs('development', {})).toBe(false);
  });

  it('pretty lines carry level and message, not JSON, and keep secrets redacted', async () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', stream, { pretty: true });
    logger.info({ port: 8080, config: { BOT_TOKEN: '1:SECRET-TOKEN' } }, 'http server listening');
    await new Promise((r) => setTimeout(r, 50));
    const text = lines.join('');
    expect(text).toMatch(/INFO.*http server listening/);
    expect(text).toContain('port: 8080');
    expect(text).not.toContain('SECRET-TOKEN');
    expect(() => JSON.parse(text.split('\n')[0]!)).toThrow();
  });

  it('JSON lines otherwise', () => {
    const { lines, stream } = capture();
    createLogger('info', stream).info({ port: 1 }, 'bot started');
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'bot started', port: 1, level: 30 });
  });

  it.skipIf(!hasScript)(
    'a real terminal (script(1) gives the process a pty) gets readable lines; a pipe gets JSON',
    () => {
      const program = `import { createLogger, prettyLogs } from './src/logger.ts';
createLogger('info', undefined, { pretty: prettyLogs('development') }).info('hello from the logger');`;
      const command = `${process.execPath} --import tsx --input-type=module -e "${program.replace(/"/g, '\\"')}"`;
      const onTty = execFileSync('script', ['-qec', command, '/dev/null'], { cwd: root, encoding: 'utf8' });
      expect(onTty).toMatch(/INFO.*hello from the logger/);
      expect(onTty).not.toContain('"msg"');
      const onPipe = execFileSync('sh', ['-c', command], { cwd: root, encoding: 'utf8' });
      expect(JSON.parse(onPipe.trim())).toMatchObject({ msg: 'hello from the logger' });
    },
    60_000,
  );
});

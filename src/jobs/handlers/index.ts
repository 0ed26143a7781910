// Every background job handler, by kind. Each area keeps its handlers in its own file here.
import type { Config } from '../../config.js';
import type { JobHandler } from '../types.js';

export function jobHandlers(_config: Config): JobHandler[] {
  return [];
}

// «Действия с услугами по списку абонентов» (R-BULK): what the bot and the worker use.
export { type BulkServiceChoice, bulkServiceChoice, bulkServiceChoices } from './catalog.js';
export {
  applyNextLines,
  type BatchHook,
  type BatchLine,
  DEFAULT_BATCH,
  finishServiceList,
  openServiceList,
} from './apply.js';
export { confirmServiceList, type ServiceListConfirmed, setProgressMessage } from './confirm.js';
export { type CreateServiceListInput, createServiceList } from './create.js';
export { type ListProgress, type ListResult, type ListResultLine, listProgress, listResult } from './result.js';
export {
  applyServiceLine,
  BULK_ACTIONS,
  BULK_APPLY_JOB,
  BULK_JOBS_PER_LIST,
  BULK_RESULT_JOB,
  type BulkAction,
  type ServiceLineApplier,
  type ServiceLineTarget,
} from './types.js';

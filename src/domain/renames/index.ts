// «Переименование абонента» (R-RENAME): what the bot and the worker use.
export {
  type AppliedBatch,
  type AppliedRename,
  applyDueRenames,
  type FinishedRenameList,
  RENAME_NOTICE_JOB,
  type RenameNotice,
} from './apply.js';
export {
  formatRenameApplication,
  type RenameApplication,
  renameApplicationForList,
  renameApplicationForSubscriber,
} from './application.js';
export { nameOnBill } from './bill-name.js';
export { assertRenameAllowed, inRenameBlackout } from './blackout.js';
export { checkName, normalizeName } from './name.js';
export {
  confirmRenameList,
  createRenameList,
  RENAME_APPLY_JOB,
  type RenameListConfirmed,
  type RenameRequested,
  requestRename,
} from './request.js';

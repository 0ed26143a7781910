// The background jobs of the subscriber's information and billing sections: deleting the PIN/PUK
// message (R-SUB-INFO) and building detail files (R-DETAIL).
import type { JobHandler } from '../types.js';
import { detailsExportHandler } from './details-export.js';
import { pinMessageHandler } from './pin-message.js';

export function accountJobHandlers(): JobHandler[] {
  return [pinMessageHandler, detailsExportHandler];
}

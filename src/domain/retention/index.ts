// What is kept and for how long (finding 6 of issue 22; README «What is kept»).
export {
  forgetTerminatedSimCodes,
  purgeAuditLog,
  purgeClosedTickets,
  purgeUsageRecords,
  type RetentionReport,
  runRetention,
  usageKeptFrom,
} from './purge.js';

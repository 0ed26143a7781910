// R-ORDER for service changes: which order a connection or disconnection is, by the service's kind — the
// voicemail package has its own types, an internet package is `mobileInternet.change`, the rest `service.*`.
import type { OrderInput } from './types.js';

interface ServiceRef {
  code: string;
  kind: string;
}

interface Owner {
  clientId: number;
  subscriberId: number;
  fee?: number;
  list?: { listId: number; line: number };
}

export function serviceOrder(service: ServiceRef, action: 'connect' | 'disconnect', of: Owner): OrderInput {
  const owner = { clientId: of.clientId, subscriberId: of.subscriberId, fee: of.fee ?? 0, list: of.list };
  if (service.kind === 'voicemail')
    return { ...owner, type: action === 'connect' ? 'voicemail.connect' : 'voicemail.disconnect', payload: {} };
  if (service.kind === 'mobile_internet')
    return {
      ...owner,
      type: 'mobileInternet.change',
      payload: action === 'connect' ? { from: null, to: service.code } : { from: service.code, to: null },
    };
  return {
    ...owner,
    type: action === 'connect' ? 'service.connect' : 'service.disconnect',
    payload: { service: service.code },
  };
}

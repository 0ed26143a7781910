// "My orders" / "Orders" (R-ORDER).
import type { Texts } from '../ru/index.js';

export const orders: Texts['orders'] = {
  labels: { mine: 'My orders', client: 'Orders', all: 'All' },
  titleMine: (msisdn: string) => `My orders — ${msisdn}`,
  titleClient: 'Orders',
  empty: 'No orders.',
  page: (page: number, pages: number) => `Page ${page} of ${pages}`,
  line: (id: number, type: string, at: string, state: string) => `No. ${id} · ${type} · ${at} · ${state}`,
  reason: (reason: string) => `   Reason: ${reason}`,
  types: {
    'number.change': 'Number change',
    'number.request': 'Number request',
    'tariff.change': 'Tariff change',
    'service.connect': 'Service connection',
    'service.disconnect': 'Service disconnection',
    'mobileInternet.change': 'Mobile internet',
    'pause.start': 'Pause',
    'pause.end': 'Pause end',
    'forwarding.set': 'Call forwarding',
    'forwarding.cancel': 'Forwarding cancelled',
    'voicemail.connect': 'Voicemail connection',
    'voicemail.disconnect': 'Voicemail disconnection',
    'voicemail.email': 'Voicemail e-mail',
    rename: 'Subscriber rename',
    'payment.register': 'Payment registration',
    'billDelivery.change': 'Bill delivery',
  },
  states: { accepted: 'accepted', completed: 'completed', rejected: 'rejected', expired: 'expired' },
};

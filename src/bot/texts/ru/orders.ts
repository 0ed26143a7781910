// «Мои заявки» / «Заявки» (R-ORDER).
import type { OrderState, OrderType } from '../../../domain/orders/types.js';

export const orders = {
  labels: { mine: 'Мои заявки', client: 'Заявки', all: 'Все' },
  titleMine: (msisdn: string) => `Мои заявки — ${msisdn}`,
  titleClient: 'Заявки',
  empty: 'Заявок нет.',
  page: (page: number, pages: number) => `Страница ${page} из ${pages}`,
  line: (id: number, type: string, at: string, state: string) => `№ ${id} · ${type} · ${at} · ${state}`,
  reason: (reason: string) => `   Причина: ${reason}`,
  types: {
    'number.change': 'Смена номера',
    'number.request': 'Заявка на номер',
    'tariff.change': 'Смена тарифного плана',
    'service.connect': 'Подключение услуги',
    'service.disconnect': 'Отключение услуги',
    'mobileInternet.change': 'Мобильный интернет',
    'pause.start': 'Пауза',
    'pause.end': 'Окончание паузы',
    'forwarding.set': 'Переадресация',
    'forwarding.cancel': 'Отмена переадресации',
    'voicemail.connect': 'Подключение голосовой почты',
    'voicemail.disconnect': 'Отключение голосовой почты',
    'voicemail.email': 'E-mail голосовой почты',
    rename: 'Переименование абонента',
    'payment.register': 'Регистрация платежа',
    'billDelivery.change': 'Способ доставки счета',
  } satisfies Record<OrderType, string>,
  states: {
    accepted: 'принята',
    completed: 'выполнена',
    rejected: 'отклонена',
    expired: 'просрочена',
  } satisfies Record<OrderState, string>,
};

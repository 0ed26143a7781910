// Russian texts of subscriber «Персональная информация», «Смена ТП», «Начисления за период», «Просмотр детализации».
// Errors: DomainError('subscriberInfo.*' | 'tariffs.*' | 'details.*') map to the objects below the section texts.
import type { Message } from '../message.js';

type UsageKind = 'call_out' | 'call_in' | 'sms_out' | 'sms_in';

export const account = {
  info: {
    title: 'Персональная информация',
    number: 'Номер телефона',
    fullName: 'ФИО',
    displayName: 'Имя в списках',
    personalAccount: 'Лицевой счет',
    tariff: 'Тарифный план',
    balance: 'Баланс',
    status: 'Статус',
    cug: 'Закрытая абонентская группа',
    cugNone: 'номер не входит',
    statuses: { active: 'активен', blocked: 'заблокирован', paused: 'пауза' },
    showCodes: 'Показать PIN/PUK',
    codesHint: 'PIN и PUK коды SIM-карты показываются по кнопке «Показать PIN/PUK».',
    codes: (c: { pin1: string; puk1: string; pin2: string; puk2: string }, seconds: number) =>
      `PIN и PUK коды SIM-карты\n\nPIN1: ${c.pin1}\nPUK1: ${c.puk1}\nPIN2: ${c.pin2}\nPUK2: ${c.puk2}\n\nСообщение будет удалено через ${seconds} с.`,
    codesSent: 'Коды отправлены отдельным сообщением',
  },
  tariff: {
    title: 'Смена ТП',
    intro: 'В данном разделе Вам предоставляется возможность заменить ТП Абонента на любой из предложенного перечня.',
    current: (name: string, fee: string) => `Текущий тарифный план: «${name}», абонентская плата ${fee} в месяц.`,
    rules: (fee: string) =>
      `Первая смена в календарном месяце на ТП с большей абонентской платой — бесплатно, на ТП с меньшей — ${fee}; каждая следующая смена в месяце — ${fee}; менять ТП можно не чаще одного раза в день.`,
    option: (name: string, monthly: string, change: string) => `«${name}» — ${monthly}/мес., смена: ${change}`,
    free: 'бесплатно',
    none: 'Для текущего тарифного плана нет доступных для смены ТП.',
    blocked: 'Номер заблокирован: смена ТП недоступна.',
    changedToday: 'Сегодня ТП уже менялся. Следующая смена возможна завтра.',
    choose: 'Выберите новый тарифный план:',
    confirm: (from: string, to: string, monthly: string, change: string) =>
      `Сменить тарифный план «${from}» на «${to}»?\n\nАбонентская плата: ${monthly} в месяц.\nСтоимость смены: ${change}.`,
    done: (to: string, change: string, balance: string) =>
      `Тарифный план изменен на «${to}».\nСтоимость смены: ${change}.\nБаланс: ${balance}.`,
  },
  charges: {
    title: 'Начисления за период',
    intro: 'Стоимость услуг связи, включая абонентскую плату и НДС.',
    month: (name: string, current: boolean) => `${name}${current ? ' (текущий месяц)' : ''}`,
    line: (description: string, amount: string, vat: string) => `• ${description} — ${amount} (НДС ${vat})`,
    usage: {
      call_out: 'Исходящие звонки',
      call_in: 'Входящие звонки',
      sms_out: 'Исходящие SMS',
      sms_in: 'Входящие SMS',
    } satisfies Record<UsageKind, string>,
    empty: '• начислений нет',
    total: (amount: string, vat: string) => `Итого: ${amount}, в т.ч. НДС ${vat}`,
    /** Lines the bot writes itself (src/domain/charge-texts.ts), as the stored Russian description reads. */
    texts: {
      numberChange: (msisdn: string, category: string) => `Смена номера на ${msisdn}, категория «${category}»`,
      serviceConnect: (service: string) => `Подключение услуги «${service}»`,
      pause: (from: string, to: string) => `Пауза ${from}–${to}`,
      tariffChange: (from: string, to: string) => `Смена тарифного плана: «${from}» → «${to}»`,
    },
    chartTitle: 'Начисления за период',
    chartCaption: 'Начисления по месяцам',
    unit: 'руб.',
    /** The chart's legend: its bars are stacked by these kinds (src/documents/charges-chart.ts). */
    kinds: {
      subscription: 'Абонентская плата',
      services: 'Дополнительные услуги',
      internet: 'Мобильный интернет',
      usage: 'Звонки и SMS',
      fees: 'Разовые платежи',
    },
  },
  details: {
    title: 'Просмотр детализации',
    intro:
      'Детализация звонков и SMS за шесть предыдущих месяцев и за текущий период. Детализация за текущий период предоставляется по состоянию на день, предшествующий запросу.',
    choose: 'Выберите период:',
    currentPeriod: (from: string, to: string) => `Текущий период (${from}–${to})`,
    currentEmpty: 'Текущий период (данных пока нет)',
    header: (period: string, phone: string) => `Детализация за ${period}\n${phone}`,
    currentName: (from: string, to: string) => `текущий период ${from}–${to}`,
    emptyCurrent:
      'За текущий период данных пока нет: детализация предоставляется по состоянию на предыдущий день, а сегодня первое число месяца.',
    none: 'Звонков и SMS за этот период нет.',
    totals: 'Итого по типам:',
    total: (kind: string, count: number, quantity: string, cost: string) =>
      `• ${kind}: ${count} шт., ${quantity}, ${cost}`,
    totalSms: (kind: string, count: number, cost: string) => `• ${kind}: ${count} шт., ${cost}`,
    grandTotal: (count: number, cost: string) => `Всего записей: ${count}, на сумму ${cost}`,
    record: (date: string, time: string, kind: string, party: string, quantity: string, cost: string) =>
      `${date} ${time} · ${kind} · ${party} · ${quantity} · ${cost}`,
    kinds: { call_out: 'Исх. звонок', call_in: 'Вх. звонок', sms_out: 'Исх. SMS', sms_in: 'Вх. SMS' } satisfies Record<
      UsageKind,
      string
    >,
    kindsLong: {
      call_out: 'Исходящие звонки',
      call_in: 'Входящие звонки',
      sms_out: 'Исходящие SMS',
      sms_in: 'Входящие SMS',
    } satisfies Record<UsageKind, string>,
    smsCount: (n: number) => `${n} SMS`,
    csv: 'Скачать CSV',
    xlsx: 'Скачать XLSX',
    preparing: 'Готовим файл — он придет отдельным сообщением.',
  },
  errors: {} as Record<string, Message>,
};

export const subscriberInfo = {
  errors: {
    noSimCodes: 'Коды SIM-карты для этого номера не найдены. Обратитесь в службу поддержки.',
  } as Record<string, Message>,
};

export const tariffs = {
  errors: {
    oncePerDay: 'Сегодня тарифный план уже менялся: смена ТП возможна не чаще одного раза в день. Попробуйте завтра.',
    blocked: 'Номер заблокирован: смена тарифного плана недоступна.',
    notOffered: 'Этот тарифный план недоступен для смены с текущего.',
  } as Record<string, Message>,
};

export const details = {
  errors: {
    periodNotAllowed: 'Детализация доступна только за текущий период и шесть предыдущих месяцев.',
    periodEmpty: 'За текущий период данных пока нет.',
    badCursor: 'Меню устарело',
  } as Record<string, Message>,
};

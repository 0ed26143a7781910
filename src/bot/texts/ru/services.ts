// Russian texts of «Операции с услугами» (R-SVC, R-MI, R-SETTINGS, R-PAUSE, R-FWD, R-VM). Labels in «» are
// the portal's own; screen intros follow its help text. Errors map DomainError('services.<reason>').
import { date } from '../../format.js';
import type { ForwardCondition } from '../../../domain/services/forwarding.js';
import type { Message } from '../message.js';
import { count, ru } from '../plural.js';

const DAYS = ru('день', 'дня', 'дней');
/** After «до», «не более»: the genitive. */
const DAYS_GEN = ru('дня', 'дней', 'дней');
const PAUSES_GEN = ru('паузы', 'пауз', 'пауз');

type P = Record<string, string | number>;
const d = (v: string | number | undefined) => date(String(v ?? ''));

const errors = {
  invalidNonce: 'Меню устарело',
  notFound: 'Услуга не найдена.',
  blocked: (p: P) => `Номер заблокирован: подключить услугу «${p.service}» нельзя.`,
  paused: (p: P) =>
    `Номер на паузе: подключение услуг (в том числе «${p.service}») недоступно, пока пауза не закончится. Завершить паузу досрочно можно в разделе «Пауза».`,
  alreadyConnected: (p: P) => `Услуга «${p.service}» уже подключена.`,
  notConnected: (p: P) => `Услуга «${p.service}» не подключена.`,
  notAllowed: (p: P) => `Услуга «${p.service}» недоступна на тарифном плане абонента.`,
  excluded: (p: P) =>
    `Услугу «${p.service}» нельзя подключить вместе с услугой «${p.other}». Сначала отключите «${p.other}».`,
  onePackage: (p: P) =>
    `Уже подключен пакет «${p.other}»: одновременно действует только один пакет мобильного интернета. Сменить пакет можно в разделе «Мобильный интернет».`,
  notAPackage: 'Это не пакет мобильного интернета.',
  settingsNotFound: 'Настройки этого вида пока не опубликованы.',
  pauseBlocked: 'Номер заблокирован: пауза недоступна.',
  pauseNegativeBalance: 'Баланс отрицательный: пауза недоступна. Пополните баланс и попробуйте снова.',
  pauseAlreadyPaused: (p: P) => `Пауза уже оформлена: с ${d(p.startsOn)} по ${d(p.endsOn)}.`,
  pauseInvalidDate: 'Дата не распознана. Введите дату окончания в формате ДД.ММ.ГГГГ или число дней паузы.',
  pauseTooShort: (p: P) =>
    `Пауза длится от ${p.min} до ${count('ru', p.max, DAYS_GEN)} (выбрано ${p.days}). Самая ранняя дата окончания — ${d(p.earliest)}.`,
  pauseTooLong: (p: P) =>
    `Пауза длится от ${p.min} до ${count('ru', p.max, DAYS_GEN)} (выбрано ${p.days}). Самая поздняя дата окончания — ${d(p.latest)}.`,
  pauseYearLimit: (p: P) => `Лимит пауз на ${p.year} год исчерпан: не более ${p.limit} за календарный год.`,
  pauseNotPaused: 'Пауза не оформлена.',
  fwdInvalidNumber: 'Номер не распознан. Введите номер в международном формате, например +375 29 123-45-67.',
  fwdShortNumber: 'Короткие номера не допускаются: введите полный номер в международном формате.',
  fwdOwnNumber: 'Нельзя переадресовать вызовы на собственный номер.',
  fwdPremiumNumber: 'Переадресация на платные (премиальные) номера не допускается.',
  fwdInvalidDelay: (p: P) => `Время ожидания ответа — одно из значений: ${p.delays} секунд.`,
  fwdInvalidCondition: 'Неизвестный вид переадресации.',
  fwdNotSet: 'Эта переадресация не установлена.',
  fwdNoneSet: 'Ни одна переадресация не установлена.',
  vmUnavailable: 'Пакет «Плюс» сейчас недоступен.',
  vmInvalidEmail: 'Адрес e-mail не распознан. Введите адрес, например ivanov@example.by.',
  vmNotConnected: 'Сначала подключите пакет голосовой почты «Плюс»: дублирование на e-mail работает только с ним.',
  vmNoEmail: 'Адрес для дублирования не указан.',
} satisfies Record<string, Message>;

export const services = {
  errors: errors as Record<keyof typeof errors, Message>,
  labels: {
    services: 'Услуги абонента',
    numberChange: 'Смена номера',
    mobileInternet: 'Мобильный интернет',
    settings: 'Настройки',
    pause: 'Пауза',
    forwarding: 'Переадресация звонков',
    voicemail: 'Голосовая почта (пакет «Плюс»)',
  },
  ops: {
    title: (phone: string) =>
      `Операции с услугами\n${phone}\n\nДанный раздел позволяет подключать и отключать дополнительные услуги, а также на время приостанавливать обслуживание абонентского номера.`,
  },
  common: {
    number: (phone: string) => `Номер: ${phone}`,
    perMonth: (money: string) => `${money}/мес`,
    connectFee: (money: string) => `подключение ${money}`,
    free: 'бесплатно',
    fee: (money: string) => `Плата: ${money}`,
    noFee: 'Плата: не взимается',
    balanceAfter: (money: string) => `Баланс после списания: ${money}`,
    replayed: 'Это подтверждение уже выполнено — повторно ничего не изменено.',
    blockedNote: 'Номер заблокирован: подключение услуг недоступно.',
    pausedNote: 'Номер на паузе: подключение услуг недоступно. Паузу можно завершить досрочно.',
    toPause: 'Пауза',
  },
  svc: {
    title: 'Услуги абонента',
    intro:
      'Список подключенных услуг. Вы можете подключить или отключить дополнительные услуги, если их использование предусмотрено тарифным планом.',
    connected: 'Подключены:',
    connectedNone: 'Подключенных услуг нет.',
    connectable: 'Можно подключить:',
    connectableNone: 'Других дополнительных услуг на этом тарифном плане нет.',
    excludedBy: (other: string) => `несовместима с «${other}»`,
    connectButton: (name: string) => `➕ ${name}`,
    disconnectButton: (name: string) => `➖ ${name}`,
    confirmConnect: (name: string) => `Подключить услугу «${name}»?`,
    confirmDisconnect: (name: string) => `Отключить услугу «${name}»?`,
    connected1: (name: string) => `✅ Услуга «${name}» подключена.`,
    disconnected1: (name: string) => `✅ Услуга «${name}» отключена.`,
  },
  mi: {
    title: 'Мобильный интернет',
    intro:
      'Подключите или отключите услугу «Мобильный Интернет» или измените действующий пакет. Одновременно действует один пакет.',
    active: (name: string) => `Действующий пакет: ${name}`,
    activeNone: 'Действующий пакет: не подключен',
    packages: 'Пакеты вашего тарифного плана:',
    packagesNone: 'На тарифном плане абонента пакетов мобильного интернета нет.',
    volume: (mb: number) => (mb >= 1024 && mb % 1024 === 0 ? `${mb / 1024} ГБ` : `${mb} МБ`),
    connectButton: (name: string) => `Подключить «${name}»`,
    changeButton: (name: string) => `Сменить на «${name}»`,
    disconnectButton: (name: string) => `Отключить «${name}»`,
    confirmConnect: (name: string) => `Подключить пакет «${name}»?`,
    confirmChange: (from: string, to: string) =>
      `Сменить пакет «${from}» на «${to}»?\nПакет «${from}» будет отключен, «${to}» — подключен.`,
    confirmDisconnect: (name: string) => `Отключить пакет «${name}»?`,
    done: '✅ Готово.',
  },
  set: {
    title: 'Настройки',
    intro:
      'Получите настройки мобильного телефона для работы с услугами «Мобильный Интернет», MMS и потокового видео. Настройки придут сообщением в этот чат.',
    kinds: { internet: 'Мобильный интернет', mms: 'MMS', video: 'Потоковое видео' } as Record<string, string>,
    sent: 'Настройки отправлены в чат.',
  },
  pause: {
    title: 'Пауза',
    intro: 'Пауза временно приостанавливает пользование всеми услугами мобильной связи.',
    rules: (p: { min: number; max: number; fee: string; perYear: number; used: number; startsOn: string }) =>
      `Пауза начинается завтра (${p.startsOn}) и длится от ${p.min} до ${count('ru', p.max, DAYS_GEN)} включительно, до выбранной даты окончания. ` +
      `Плата: ${p.fee} единовременно. Не более ${count('ru', p.perYear, PAUSES_GEN)} за календарный год; в этом году оформлено: ${p.used}.`,
    choose: 'Выберите длительность кнопкой или введите дату окончания (ДД.ММ.ГГГГ):',
    daysButton: (days: number) => count('ru', days, DAYS),
    running: (from: string, to: string, activeFrom: string) =>
      `Номер на паузе с ${from} по ${to} включительно. Услуги связи снова заработают ${activeFrom}.`,
    scheduled: (from: string, to: string) => `Оформлена пауза с ${from} по ${to} включительно.`,
    endEarly: 'Завершить паузу досрочно',
    cancelScheduled: 'Отменить паузу',
    blocked: 'Номер заблокирован: пауза недоступна.',
    confirm: (p: { from: string; to: string; days: number; fee: string }) =>
      `Подтвердите паузу:\nНачало: ${p.from}\nОкончание: ${p.to} (включительно)\nДлительность: ${p.days} дн.\nПлата: ${p.fee}\n\nНа время паузы все услуги мобильной связи приостанавливаются.`,
    confirmEnd: (from: string, to: string, today: string) =>
      `Завершить паузу (${from} — ${to}) досрочно? Номер станет активным сегодня, ${today}. Плата за паузу не возвращается.`,
    started: (from: string, to: string) => `✅ Пауза оформлена: с ${from} по ${to}.`,
    ended: (today: string) => `✅ Пауза завершена: номер активен с ${today}.`,
  },
  fwd: {
    title: 'Переадресация звонков',
    intro: 'Установите или отмените переадресацию по заданному условию или безусловную.',
    conditions: {
      unconditional: 'Безусловная',
      busy: 'Если занято',
      no_reply: 'Если нет ответа',
      unreachable: 'Если недоступен',
    } satisfies Record<ForwardCondition, string>,
    off: 'не установлена',
    on: (target: string) => `на ${target}`,
    delay: (seconds: number) => `через ${seconds} с`,
    overridden: 'не действует: установлена безусловная',
    overrideNote: 'Безусловная переадресация действует вместо условных.',
    set: 'Установить',
    change: 'Изменить',
    cancel: 'Отменить',
    cancelAll: 'Отменить все',
    conditionTitle: (name: string) => `Переадресация «${name}»`,
    askTarget: (name: string) =>
      `Переадресация «${name}».\nВведите номер, на который переадресовывать вызовы, в международном формате (например, +375 29 123-45-67):`,
    chooseDelay: 'Время ожидания ответа перед переадресацией:',
    delayButton: (seconds: number, chosen: boolean) => `${chosen ? '✓ ' : ''}${seconds} с`,
    confirm: (p: { condition: string; target: string; delay?: string; previous?: string }) =>
      `Подтвердите переадресацию:\nУсловие: ${p.condition}\nНомер: ${p.target}${p.delay ? `\nОжидание ответа: ${p.delay}` : ''}${p.previous ? `\nСейчас: ${p.previous}` : ''}`,
    confirmCancel: (condition: string, target: string) => `Отменить переадресацию «${condition}» на ${target}?`,
    confirmCancelAll: 'Отменить все переадресации?',
    setDone: (condition: string, target: string) => `✅ Переадресация «${condition}» установлена на ${target}.`,
    cancelDone: (conditions: string) => `✅ Отменено: ${conditions}.`,
  },
  vm: {
    title: 'Голосовая почта (пакет «Плюс»)',
    intro:
      'Подключите или отключите пакет голосовой почты «Плюс» и укажите e-mail, на который дублируются сообщения голосового ящика.',
    package: (name: string, fee: string) => `${name} — ${fee}`,
    connected: 'Состояние: подключен',
    disconnected: 'Состояние: не подключен',
    email: (email: string) => `Дублирование на e-mail: ${email}`,
    emailNone: 'Дублирование на e-mail: не установлено',
    connect: 'Подключить пакет',
    disconnect: 'Отключить пакет',
    setEmail: 'Указать e-mail',
    changeEmail: 'Изменить e-mail',
    cancelEmail: 'Отменить дублирование',
    askEmail: 'Введите адрес электронной почты, на который дублировать сообщения голосового ящика:',
    confirmConnect: (name: string, fee: string) =>
      `Подключение: ${name}\nАбонентская плата: ${fee}\n\nПодтвердите подключение.`,
    confirmDisconnect: (name: string) =>
      `Отключение: ${name}\nДублирование сообщений на e-mail тоже будет отменено.\n\nПодтвердите отключение.`,
    confirmEmail: (email: string) => `Дублировать сообщения голосового ящика на ${email}?`,
    confirmCancelEmail: (email: string) => `Отменить дублирование сообщений на ${email}?`,
    done: '✅ Готово.',
  },
  pauseJobs: {
    notice: (phone: string, endsOn: string, activeFrom: string) =>
      `Пауза номера ${phone} заканчивается ${endsOn}. С ${activeFrom} услуги связи снова работают.`,
    finished: (phone: string, activeFrom: string) =>
      `Пауза номера ${phone} закончилась: с ${activeFrom} услуги связи снова работают.`,
  },
};

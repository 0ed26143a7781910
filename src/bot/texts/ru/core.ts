// Russian texts of the core: start, sign-in, roles, menus, choosing a subscriber, errors shared by all.
// Labels in «» are the portal's own (seeds/000_…txt) and are used verbatim.
export const core = {
  labels: {
    adminMenuTitle: 'Главное меню администратора',
    subscriberMenuTitle: 'Главное меню абонента',
    clientInfo: 'Персональная информация',
    payments: 'Платежи',
    invoices: 'Счета',
    installments: 'Информация по рассрочке',
    chooseSubscriber: 'Выбор абонента',
    feedback: 'Обратная связь',
    rename: 'Переименование абонента',
    bulkServices: 'Действия с услугами по списку абонентов',
    exit: 'Выход',
    personalInfo: 'Персональная информация',
    serviceOperations: 'Операции с услугами',
    tariffChange: 'Смена ТП',
    charges: 'Начисления за период',
    details: 'Просмотр детализации',
    adminMenu: 'Меню администратора',
    back: '« Назад',
    toMenu: 'В меню',
    prev: '‹ Назад',
    next: 'Далее ›',
    yes: 'Да',
    no: 'Нет',
    confirm: 'Подтвердить',
    cancel: 'Отмена',
    contactSpecialist: 'Связаться со специалистом',
    inviteAdmin: 'Пригласить администратора',
    unlinkTelegram: 'Отвязать Telegram',
    search: 'Поиск',
    showAll: 'Показать все',
    shareContact: '📱 Поделиться контактом',
  },
  start: {
    welcome:
      'Здравствуйте! Это Портал Бот — личный кабинет корпоративного клиента и абонента мобильной связи.\n\n' +
      'Абонент: нажмите «Поделиться контактом» внизу, чтобы войти по своему номеру.\n' +
      'Администратор клиента: откройте ссылку-приглашение, которую выдал оператор или другой администратор.',
    chooseRole: 'Выберите, как вы хотите работать:',
    roleAdmin: (client: string) => `Администратор: ${client}`,
    roleSubscriber: (phone: string) => `Абонент: ${phone}`,
    roleSupport: 'Сотрудник поддержки',
    signedInSubscriber: (phone: string) => `Вы вошли как абонент ${phone}.`,
    signedInAdmin: (client: string) => `Вы вошли как администратор клиента «${client}».`,
    supportHint: 'Вы сотрудник поддержки: обращения приходят в группу поддержки, отдельными темами.',
    exited: 'Вы вышли в начало. Учетная запись остается привязанной; /start — вернуться.',
    logoutConfirm:
      'Отвязать этот Telegram от всех ролей? Для повторного входа понадобится контакт или новое приглашение.',
    logoutDone: 'Готово: Telegram отвязан от всех ролей.',
    logoutCancelled: 'Отвязка отменена.',
    removeKeyboard: 'Контакт получен.',
    help: 'Команды:\n/start — начало и выбор роли\n/menu — главное меню\n/support — связаться со специалистом\n/logout — отвязать Telegram\n/help — эта справка',
    useButtons: 'Пожалуйста, воспользуйтесь кнопками меню.',
    notSignedIn: 'Сначала войдите: /start',
    inviteIssued: (link: string, hours: number) =>
      `Приглашение для нового администратора (одноразовое, действует ${hours} ч):\n${link}\n\nПерешлите ссылку коллеге.`,
    unlinked: (phone: string) => `Telegram отвязан от номера ${phone}.`,
    unlinkNone: (phone: string) => `К номеру ${phone} не привязан ни один Telegram.`,
  },
  commands: {
    start: 'Начало и выбор роли',
    menu: 'Главное меню',
    help: 'Справка',
    support: 'Связаться со специалистом',
    logout: 'Отвязать Telegram',
  },
  /** The bot's profile (setMyDescription ≤ 512, setMyShortDescription ≤ 120 characters): read before Start. */
  profile: {
    description:
      'Корпоративный портал самообслуживания мобильного оператора в Telegram.\n\nАбонент: баланс, услуги и тарифы, детализация, начисления, PIN/PUK, переадресация, приостановка и смена номера.\nАдминистратор клиента: абоненты организации, счета и платежи, переименование и услуги по списку, рассрочки.\n\nНажмите «Старт» и поделитесь контактом — или войдите по приглашению администратора.',
    shortDescription: 'Портал самообслуживания: баланс, услуги, счета и детализация для абонентов и администраторов.',
  },
  menus: {
    admin: (client: string) => `Главное меню администратора\n${client}`,
    subscriber: (phone: string, name: string) => `Главное меню абонента\n${phone} · ${name}`,
  },
  subscriberCard: {
    title: 'Персональная информация',
    number: 'Номер',
    name: 'ФИО',
    tariff: 'Тарифный план',
    balance: 'Баланс',
    status: 'Статус',
    cug: 'Закрытая абонентская группа',
    cugNone: 'не входит',
    statuses: { active: 'активен', blocked: 'заблокирован', paused: 'пауза', terminated: 'расторгнут' } as Record<
      string,
      string
    >,
  },
  pick: {
    prompt:
      'Выбор абонента\n\nВыберите абонента одним из способов.\n\nВведите номер телефона с префиксом:\n' +
      'Возможен поиск абонента по следующим условиям: введите знак «%» для нескольких цифр, знак «_» для одной цифры.\n\n' +
      'Выберите лицевой счет:',
    results: (mask: string, page: number) => `Абоненты${mask ? ` по маске ${mask}` : ''} — страница ${page}:`,
    account: (number: string, name: string) => `Лицевой счет ${number} · ${name}`,
    allAccounts: 'Все лицевые счета',
    none: 'Абоненты не найдены. Проверьте маску и попробуйте еще раз.',
  },
  errors: {
    generic: 'Произошла ошибка. Мы уже разбираемся; попробуйте еще раз.',
    unavailable: 'Сервис временно недоступен, попробуйте позже.',
    busy: 'Подождите, предыдущее действие еще выполняется.',
    tooFast: 'Слишком много действий, подождите немного',
    stale: 'Меню устарело',
    forbidden: 'Нет доступа.',
    tooLong: 'Слишком длинное сообщение.',
  },
};

/** Errors of the shared domain areas (access, phone, money, fees): `texts.<area>.errors.<reason>`. */
export const access = {
  errors: {
    forbidden: 'Нет доступа к этим данным.',
    clientSuspended:
      'Обслуживание вашей компании приостановлено оператором: данные можно смотреть, изменения недоступны. Обратитесь к вашему менеджеру.',
    contactNotOwn: 'Поделитесь, пожалуйста, своим собственным контактом — кнопкой внизу экрана.',
    contactUnknown:
      'Этот номер не найден среди абонентов. Если это ошибка, обратитесь к администратору вашей компании.',
    contactTerminated: 'Договор по этому номеру расторгнут: вход невозможен.',
    alreadyLinked:
      'Этот номер уже привязан к другому Telegram. Обратитесь к администратору компании, чтобы отвязать его.',
    inviteUnknown: 'Приглашение не найдено. Проверьте ссылку или запросите новую.',
    inviteExpired: 'Срок действия приглашения истек. Запросите новое.',
    inviteUsed: 'Это приглашение уже использовано. Запросите новое.',
    lockedOut: (p: { minutes?: number | string }) =>
      `Слишком много неверных кодов. Попробуйте через ${p.minutes ?? 60} мин.`,
    notAdmin: 'Это действие доступно только администратору клиента.',
  },
};

export const phone = {
  errors: {
    invalid: 'Номер не распознан. Введите номер в формате +375 29 123-45-67.',
    maskChars: 'В маске допустимы только цифры и знаки «%» и «_».',
    maskTooLong: 'В маске не больше девяти цифр (номер после +375).',
    maskTooShort: 'Маска без «%» должна задавать все девять цифр; используйте «%» для произвольных цифр.',
  },
};

export const money = {
  errors: {
    invalid: 'Сумма не распознана. Введите, например, 123,45.',
  },
};

export const fees = {
  errors: {
    insufficientFunds: 'Недостаточно средств на балансе для оплаты.',
  },
};

// The operator's catalog of SPEC §5: number categories with their patterns, tariff plans and the
// allowed changes between them, services with their tariff allow-lists and exclusions, settings texts.
// Written idempotently (by code), so the demo and the bulk seed can both rely on it.
import { inArray } from 'drizzle-orm';
import type { Executor } from '../client.js';
import {
  numberCategories,
  numberCategoryPatterns,
  serviceExclusions,
  services,
  settingsTexts,
  tariffPlans,
  tariffServices,
  tariffTransitions,
} from '../schema/index.js';
import { defaultCategoryRules } from '../../domain/numbers/categories.js';

type ServiceKind = (typeof services.$inferInsert)['kind'];

export const TARIFF_PLANS = [
  { code: 'biz_mini', name: 'Бизнес Мини', monthlyFee: 790, description: '100 минут и 50 SMS на все сети' },
  { code: 'biz_start', name: 'Бизнес Старт', monthlyFee: 1290, description: '300 минут, безлимит внутри сети' },
  { code: 'biz_optimal', name: 'Бизнес Оптимальный', monthlyFee: 2490, description: '600 минут на все сети, 10 ГБ' },
  { code: 'biz_max', name: 'Бизнес Максимальный', monthlyFee: 4490, description: '1500 минут на все сети, 30 ГБ' },
  { code: 'biz_unlim', name: 'Бизнес Безлимит', monthlyFee: 6490, description: 'Безлимитные звонки и интернет' },
  { code: 'biz_data', name: 'Бизнес Интернет', monthlyFee: 1890, description: 'Для модемов и планшетов, 50 ГБ' },
  {
    code: 'corp_archive',
    name: 'Корпоративный (архивный)',
    monthlyFee: 990,
    description: 'Снят с продажи: переход на него закрыт',
    openForChange: false,
  },
] as const;

/** Allowed changes «from → to»; the archive plan can be left but never chosen. */
const TRANSITIONS: [string, string[]][] = [
  ['biz_mini', ['biz_start', 'biz_optimal', 'biz_data']],
  ['biz_start', ['biz_mini', 'biz_optimal', 'biz_max', 'biz_data']],
  ['biz_optimal', ['biz_mini', 'biz_start', 'biz_max', 'biz_unlim', 'biz_data']],
  ['biz_max', ['biz_start', 'biz_optimal', 'biz_unlim']],
  ['biz_unlim', ['biz_optimal', 'biz_max']],
  ['biz_data', ['biz_start', 'biz_optimal']],
  ['corp_archive', ['biz_start', 'biz_optimal', 'biz_max']],
];

interface ServiceSeed {
  code: string;
  kind: ServiceKind;
  name: string;
  description: string;
  connectFee: number;
  monthlyFee: number;
  volumeMb?: number;
  /** Tariff codes that do NOT allow the service (tariff_services is an allow-list of the others). */
  notOn?: string[];
}

export const SERVICES: ServiceSeed[] = [
  {
    code: 'caller_id',
    kind: 'additional',
    name: 'Определитель номера',
    description: 'Показывает номер звонящего',
    connectFee: 0,
    monthlyFee: 150,
  },
  {
    code: 'anti_aon',
    kind: 'additional',
    name: 'АнтиАОН',
    description: 'Скрывает ваш номер при исходящих вызовах',
    connectFee: 100,
    monthlyFee: 390,
  },
  {
    code: 'super_aon',
    kind: 'additional',
    name: 'СуперАОН',
    description: 'Показывает номера, скрытые АнтиАОН',
    connectFee: 200,
    monthlyFee: 990,
    notOn: ['biz_mini', 'biz_start', 'corp_archive'],
  },
  {
    code: 'call_waiting',
    kind: 'additional',
    name: 'Ожидание вызова',
    description: 'Второй вызов во время разговора',
    connectFee: 0,
    monthlyFee: 50,
  },
  {
    code: 'conference',
    kind: 'additional',
    name: 'Конференц-связь',
    description: 'Разговор до 5 участников',
    connectFee: 0,
    monthlyFee: 120,
  },
  {
    code: 'missed_calls',
    kind: 'additional',
    name: 'Пропущенные вызовы',
    description: 'SMS о звонках, пока телефон был выключен',
    connectFee: 0,
    monthlyFee: 99,
  },
  {
    code: 'melody',
    kind: 'additional',
    name: 'Мелодия вместо гудка',
    description: 'Звонящие слышат выбранную мелодию',
    connectFee: 50,
    monthlyFee: 249,
  },
  {
    code: 'sms_100',
    kind: 'additional',
    name: 'SMS-пакет 100',
    description: '100 SMS на все сети в месяц',
    connectFee: 0,
    monthlyFee: 350,
    notOn: ['biz_unlim'],
  },
  {
    code: 'intl_calls',
    kind: 'additional',
    name: 'Международная связь',
    description: 'Исходящие международные вызовы',
    connectFee: 0,
    monthlyFee: 100,
  },
  {
    code: 'roaming',
    kind: 'additional',
    name: 'Роуминг',
    description: 'Связь за границей',
    connectFee: 0,
    monthlyFee: 100,
    notOn: ['biz_data'],
  },
  {
    code: 'roaming_block',
    kind: 'additional',
    name: 'Запрет роуминга',
    description: 'Запрет всех вызовов в роуминге',
    connectFee: 0,
    monthlyFee: 50,
  },
  {
    code: 'geo',
    kind: 'additional',
    name: 'Местоположение сотрудников',
    description: 'Определение местоположения номеров компании',
    connectFee: 500,
    monthlyFee: 490,
    notOn: ['biz_mini', 'corp_archive'],
  },
  {
    code: 'mi_1gb',
    kind: 'mobile_internet',
    name: 'Мобильный интернет 1 ГБ',
    description: '1 ГБ в месяц',
    connectFee: 0,
    monthlyFee: 390,
    volumeMb: 1024,
  },
  {
    code: 'mi_5gb',
    kind: 'mobile_internet',
    name: 'Мобильный интернет 5 ГБ',
    description: '5 ГБ в месяц',
    connectFee: 0,
    monthlyFee: 890,
    volumeMb: 5120,
  },
  {
    code: 'mi_15gb',
    kind: 'mobile_internet',
    name: 'Мобильный интернет 15 ГБ',
    description: '15 ГБ в месяц',
    connectFee: 0,
    monthlyFee: 1490,
    volumeMb: 15360,
  },
  {
    code: 'mi_50gb',
    kind: 'mobile_internet',
    name: 'Мобильный интернет 50 ГБ',
    description: '50 ГБ в месяц',
    connectFee: 0,
    monthlyFee: 2490,
    volumeMb: 51200,
    notOn: ['biz_mini', 'corp_archive'],
  },
  {
    code: 'mi_unlim',
    kind: 'mobile_internet',
    name: 'Безлимитный интернет',
    description: 'Без ограничения трафика',
    connectFee: 0,
    monthlyFee: 3990,
    notOn: ['biz_mini', 'biz_start', 'corp_archive'],
  },
  {
    code: 'voicemail_plus',
    kind: 'voicemail',
    name: 'Голосовая почта (пакет «Плюс»)',
    description: 'Голосовой ящик с дублированием сообщений на e-mail',
    connectFee: 0,
    monthlyFee: 190,
  },
];

/** Pairs that exclude each other (stored ordered by id). */
const EXCLUSIONS: [string, string][] = [
  ['anti_aon', 'super_aon'],
  ['roaming', 'roaming_block'],
];

export const SETTINGS_TEXTS = [
  {
    kind: 'internet' as const,
    title: 'Мобильный Интернет',
    body: [
      'Точка доступа (APN): internet',
      'Имя пользователя: не требуется',
      'Пароль: не требуется',
      'Тип аутентификации: нет',
      'Тип APN: default,supl',
      'Протокол APN: IPv4/IPv6',
      'MCC: 257, MNC: 01',
      'После сохранения профиля перезагрузите телефон.',
    ].join('\n'),
  },
  {
    kind: 'mms' as const,
    title: 'MMS',
    body: [
      'Точка доступа (APN): mms',
      'Имя пользователя: не требуется',
      'Пароль: не требуется',
      'MMSC: http://mmsc:8002',
      'MMS-прокси: 10.200.15.15',
      'MMS-порт: 8080',
      'Тип APN: mms',
      'MCC: 257, MNC: 01',
    ].join('\n'),
  },
  {
    kind: 'video' as const,
    title: 'Потоковое видео',
    body: [
      'Точка доступа (APN): internet',
      'Протокол: RTSP',
      'Прокси-сервер: не используется',
      'Минимальный UDP-порт: 6970',
      'Максимальный UDP-порт: 32000',
      'Сеть: 3G/4G; при слабом сигнале выберите качество «Среднее».',
    ].join('\n'),
  },
];

export interface CatalogIds {
  categories: Record<string, number>;
  tariffs: Record<string, number>;
  services: Record<string, number>;
}

const byCode = (rows: { id: number; code: string }[]) => Object.fromEntries(rows.map((r) => [r.code, r.id]));

/** Number categories with their ordered patterns, from defaultCategoryRules (kept as they are when present). */
export async function ensureNumberCategories(tx: Executor): Promise<Record<string, number>> {
  for (const rule of defaultCategoryRules) {
    const [created] = await tx
      .insert(numberCategories)
      .values({ code: rule.code, name: rule.name, nameEn: rule.nameEn, rank: rule.rank, fee: rule.fee })
      .onConflictDoNothing()
      .returning({ id: numberCategories.id });
    if (created) {
      await tx.insert(numberCategoryPatterns).values(
        rule.patterns.map((p, i) => ({
          categoryId: created.id,
          position: i + 1,
          pattern: p.pattern,
          description: p.description,
        })),
      );
    }
  }
  return byCode(await tx.select({ id: numberCategories.id, code: numberCategories.code }).from(numberCategories));
}

export async function ensureCatalog(tx: Executor): Promise<CatalogIds> {
  const categories = await ensureNumberCategories(tx);

  await tx
    .insert(tariffPlans)
    .values(TARIFF_PLANS.map((p) => ({ ...p })))
    .onConflictDoNothing();
  const tariffs = byCode(
    await tx
      .select({ id: tariffPlans.id, code: tariffPlans.code })
      .from(tariffPlans)
      .where(
        inArray(
          tariffPlans.code,
          TARIFF_PLANS.map((p) => p.code),
        ),
      ),
  );
  await tx
    .insert(tariffTransitions)
    .values(
      TRANSITIONS.flatMap(([from, tos]) => tos.map((to) => ({ fromPlanId: tariffs[from]!, toPlanId: tariffs[to]! }))),
    )
    .onConflictDoNothing();

  await tx
    .insert(services)
    .values(SERVICES.map(({ notOn: _notOn, ...s }) => ({ ...s, volumeMb: s.volumeMb ?? null })))
    .onConflictDoNothing();
  const serviceIds = byCode(
    await tx
      .select({ id: services.id, code: services.code })
      .from(services)
      .where(
        inArray(
          services.code,
          SERVICES.map((s) => s.code),
        ),
      ),
  );
  await tx
    .insert(tariffServices)
    .values(
      SERVICES.flatMap((s) =>
        TARIFF_PLANS.filter((p) => !s.notOn?.includes(p.code)).map((p) => ({
          tariffPlanId: tariffs[p.code]!,
          serviceId: serviceIds[s.code]!,
        })),
      ),
    )
    .onConflictDoNothing();
  await tx
    .insert(serviceExclusions)
    .values(
      EXCLUSIONS.map(([a, b]) => {
        const [x, y] = [serviceIds[a]!, serviceIds[b]!].sort((p, q) => p - q);
        return { serviceAId: x!, serviceBId: y! };
      }),
    )
    .onConflictDoNothing();

  await tx.insert(settingsTexts).values(SETTINGS_TEXTS).onConflictDoNothing();
  return { categories, tariffs, services: serviceIds };
}

/** Whether `serviceCode` may be connected on `tariffCode` in this catalog. */
export function allowedOn(serviceCode: string, tariffCode: string): boolean {
  const s = SERVICES.find((x) => x.code === serviceCode);
  return !!s && !s.notOn?.includes(tariffCode);
}

export function excludes(a: string, b: string): boolean {
  return EXCLUSIONS.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

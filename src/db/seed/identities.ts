// The demo's named identities, for README, tests and anyone trying the bot by hand.

export const DEMO_CLIENT_NAME = 'ООО "Демо Телеком"';
export const DEMO_CLIENT_UNP = '191234563';
/** Kopecks: the demo client pays on credit with this limit (SPEC §5). */
export const DEMO_CREDIT_LIMIT = 10_000;

/** The demo subscriber +375 29 100-00-01: balance 500,00 руб., not paused, no forwarding. */
export const DEMO_SUBSCRIBER_MSISDN = '375291000001';
export const DEMO_SUBSCRIBER_BALANCE = 50_000;
export const DEMO_SUBSCRIBER_TARIFF = 'biz_optimal';
/** PIN/PUK of the demo subscriber's SIM, stored encrypted; shown only on «показать». */
export const DEMO_SUBSCRIBER_SIM_CODES = { pin1: '4719', puk1: '38150274', pin2: '6082', puk2: '91736405' } as const;

/** Other numbers of the demo client that show particular states. */
export const DEMO_BLOCKED_MSISDN = '375291000013';
export const DEMO_PAUSED_MSISDN = '375291000007';
export const DEMO_FORWARDING_MSISDN = '375291000003';
export const DEMO_NEGATIVE_BALANCE_MSISDN = '375291000015';
export const DEMO_TERMINATED_MSISDN = '375291000099';

export const DEMO_SECOND_CLIENT_NAME = 'ОДО "Белтранслогистик"';
export const DEMO_SECOND_CLIENT_UNP = '190000005';
export const DEMO_SECOND_SUBSCRIBER_MSISDN = '375442000001';

/** Free numbers in the demo pool (all five categories, R-NUM-CATEGORY). */
export const DEMO_POOL_FREE = 20_000;
export const DEMO_POOL_QUARANTINE = 25;

/** The demo client's corporate fleet: +375 44 300-00-01 … +375 44 300-12-00 on its own account. */
export const DEMO_FLEET_ACCOUNT = '191234563900';
export const DEMO_FLEET_FIRST = '375443000001';
export const DEMO_FLEET_SIZE = 1_200;

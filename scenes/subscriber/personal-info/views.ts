// «Персональная информация» of a subscriber as text and buttons (R-SUB-INFO); pure, tested without Telegram.
import { money, phone } from '../../../src/bot/format.js';
import { type View } from '../../../src/bot/keyboards.js';
import type { Texts } from '../../../src/bot/texts/index.js';
import type { SubscriberCard } from '../../../src/domain/subscriber-info.js';
import { subscriberMenu } from '../../shared/menu/section.js';
import { button } from '../../../src/bot/actions.js';
import { showSimCodes } from './section.js';

export function cardView(t: Texts, card: SubscriberCard): View {
  const l = t.account.info;
  const text = [
    l.title,
    '',
    `${l.number}: ${phone(card.msisdn)}`,
    `${l.fullName}: ${card.fullName}`,
    ...(card.displayName !== card.fullName ? [`${l.displayName}: ${card.displayName}`] : []),
    ...(card.personalAccount ? [`${l.personalAccount}: ${card.personalAccount}`] : []),
    `${l.tariff}: ${card.tariffPlan.name}`,
    `${l.balance}: ${money(card.balance)}`,
    `${l.status}: ${l.statuses[card.status]}`,
    `${l.cug}: ${card.closedUserGroup ?? l.cugNone}`,
    ...(card.hasSimCodes ? ['', l.codesHint] : []),
  ].join('\n');
  const keyboard = [
    ...(card.hasSimCodes ? [[button(l.showCodes, showSimCodes, card.subscriberId)]] : []),
    [button(t.core.labels.back, subscriberMenu, card.subscriberId)],
  ];
  return { text, keyboard };
}

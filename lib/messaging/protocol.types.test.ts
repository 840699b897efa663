// What is derived from the protocol table: each message's answer, the portal messages and
// their requests, and the portal service's methods. The expectTypeOf lines are checked by
// tsc (part of `npm test`); the list of portal message types is also checked at run time.
import { describe, expect, expectTypeOf, test } from 'vitest';
import type { PortalService } from '../background/portal/service';
import type { DetectionsReply } from './content-protocol';
import type {
  Cart,
  CreditsOption,
  ExpiredAdded,
  PortalPage,
  PortalResult,
  RenewalAdded,
  TabSupportStatus,
} from './portal-results';
import {
  type ContentMessageType,
  type ExtensionMessageType,
  type PortalMessageType,
  type PortalRequest,
  portalMessageTypes,
  type ResponseOf,
} from './protocol';
import type { BackgroundError, HighlightsState, Result, ScanStarted } from './results';

const PORTAL_MESSAGES = [
  'support-status',
  'lookup-manual',
  'get-cart',
  'add-renewal',
  'remove-cart-line',
  'add-all-expired',
  'save-quote',
  'open-portal',
  'get-account',
  'get-settings',
] as const;

describe('the protocol table', () => {
  test('each message answers the type named on its line', () => {
    expectTypeOf<ResponseOf<'detections'>>().toEqualTypeOf<DetectionsReply>();
    expectTypeOf<ResponseOf<'scan-tab'>>().toEqualTypeOf<Result<ScanStarted, BackgroundError>>();
    expectTypeOf<ResponseOf<'set-highlights'>>().toEqualTypeOf<
      Result<HighlightsState, BackgroundError>
    >();
    expectTypeOf<ResponseOf<'get-cart'>>().toEqualTypeOf<PortalResult<Cart>>();
    expectTypeOf<ResponseOf<'remove-cart-line'>>().toEqualTypeOf<PortalResult<Cart>>();
    expectTypeOf<ResponseOf<'add-all-expired'>>().toEqualTypeOf<PortalResult<ExpiredAdded>>();
  });

  test('the portal messages are the lines marked portal, all from extension pages', () => {
    expectTypeOf<PortalMessageType>().toEqualTypeOf<(typeof PORTAL_MESSAGES)[number]>();
    expectTypeOf<PortalMessageType>().toExtend<ExtensionMessageType>();
    expectTypeOf<ContentMessageType>().toEqualTypeOf<'detections'>();
    expect([...portalMessageTypes].sort()).toEqual([...PORTAL_MESSAGES].sort());
  });

  test('a portal request is the message body without its type', () => {
    expectTypeOf<PortalRequest<'add-renewal'>>().toEqualTypeOf<{
      deploymentId: string;
      quantity: number;
      credits: CreditsOption;
    }>();
    expectTypeOf<PortalRequest<'support-status'>>().toEqualTypeOf<{
      tabId: number;
      refresh?: boolean | undefined;
      items?:
        | ({ kind: 'deployment'; value: string } | { kind: 'serial'; value: string })[]
        | undefined;
    }>();
    expectTypeOf<PortalRequest<'open-portal'>>().toEqualTypeOf<{ page: PortalPage }>();
    expectTypeOf<keyof PortalRequest<'get-cart'>>().toBeNever();
  });
});

describe('the portal service', () => {
  test('has one method per portal message, named by its type', () => {
    expectTypeOf<keyof PortalService>().toEqualTypeOf<PortalMessageType>();
  });

  test('each method takes its request and answers its message’s answer', () => {
    expectTypeOf<PortalService['add-renewal']>().parameters.toEqualTypeOf<
      [PortalRequest<'add-renewal'>]
    >();
    expectTypeOf<PortalService['add-renewal']>().returns.toEqualTypeOf<
      Promise<PortalResult<RenewalAdded>>
    >();
    expectTypeOf<PortalService['support-status']>().returns.toEqualTypeOf<
      Promise<PortalResult<TabSupportStatus>>
    >();
  });

  test('a message without a body may be called with none; one with a body may not', () => {
    expectTypeOf<PortalService['get-cart']>().toBeCallableWith();
    expectTypeOf<PortalService['save-quote']>().toBeCallableWith({});
    expectTypeOf<PortalService['add-renewal']>()
      .parameters.toHaveProperty('length')
      .toEqualTypeOf<1>();
    // @ts-expect-error the body of add-renewal is required
    expectTypeOf<PortalService['add-renewal']>().toBeCallableWith();
  });
});

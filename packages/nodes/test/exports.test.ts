import { describe, expect, it } from 'vitest';
import * as nodes from '../src/index';

describe('@swigs/automation-nodes', () => {
  it('exports exactly its public API', () => {
    expect(Object.keys(nodes).sort()).toEqual([
      'CmsTriggerConfigSchema', 'CreateTaskConfigSchema', 'CustomerPayloadSchema', 'CustomerRefSchema', 'DateFormat',
      'InvoicePayloadSchema', 'InvoiceTriggerConfigSchema', 'ManualPayloadSchema', 'ManualTriggerConfigSchema',
      'OrderPayloadSchema', 'ProjectStatusConfigSchema', 'ProjectStatusPayloadSchema', 'SUPPRESSIONS_COLLECTION',
      'SchedulePayloadSchema', 'SendEmailConfigSchema', 'SendSmsConfigSchema', 'TemplateError', 'TimeScheduleConfigSchema',
      'TransformConfigSchema', 'UpdateRecordConfigSchema', 'WaitConfigSchema', 'WebhookConfigSchema', 'WebhookPayloadSchema',
      'WebhookTriggerConfigSchema', 'addSuppression', 'allNodes', 'assertPublicUrl', 'canonicalPath', 'computeWaitUntil',
      'condition', 'createDefaultRegistry', 'createGuardedLookup', 'createTask', 'createTemplateRenderer',
      'createUnsubscribeToken', 'customerCreated', 'defaultLayout', 'defaultTemplates', 'formatChf', 'formatDate',
      'invoiceCreated', 'invoicePaid', 'isAllowedHost', 'isKnownVariable', 'isPrivateAddress', 'isSuppressed',
      'isValidTimeZone', 'manual', 'nextScheduledRuns', 'orderCreated', 'orderDelivered', 'orderPaid', 'orderShipped',
      'projectStatusChanged', 'renderEmail', 'sendEmail', 'sendSms', 'suppressionId', 'templateHelperNames', 'timeSchedule',
      'transform', 'triggerPayloadSchemas', 'unsubscribeUrl', 'updateRecord', 'validateTemplateSource',
      'verifyUnsubscribeToken', 'wait', 'webhook', 'webhookReceived',
    ]);
  });
});

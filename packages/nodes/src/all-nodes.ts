import { createRegistry, type NodeDefinition, type Registry } from '@swigs/automation-core';
import { createTask } from './actions/create-task';
import { getRecord } from './actions/get-record';
import { respondWebhook } from './actions/respond-webhook';
import { sendEmail } from './actions/send-email';
import { sendSms } from './actions/send-sms';
import { transform } from './actions/transform';
import { updateRecord } from './actions/update-record';
import { webhook } from './actions/webhook';
import { condition } from './flow/condition';
import { wait } from './flow/wait';
import { customerCreated } from './triggers/customer-created';
import { invoiceOverdue } from './triggers/invoice-overdue';
import { invoiceCreated, invoicePaid } from './triggers/invoice-triggers';
import { manual } from './triggers/manual';
import { orderCreated, orderDelivered, orderPaid, orderShipped } from './triggers/order-triggers';
import { projectStatusChanged } from './triggers/project-status-changed';
import { timeDelay } from './triggers/time-delay';
import { timeSchedule } from './triggers/time-schedule';
import { webhookReceived } from './triggers/webhook-received';

/** Every node SWIGS ships, triggers first. */
export const allNodes: readonly NodeDefinition[] = Object.freeze([
  orderCreated,
  orderPaid,
  orderShipped,
  orderDelivered,
  customerCreated,
  timeSchedule,
  timeDelay,
  projectStatusChanged,
  invoiceCreated,
  invoicePaid,
  invoiceOverdue,
  manual,
  webhookReceived,
  sendEmail,
  wait,
  condition,
  webhook,
  createTask,
  updateRecord,
  getRecord,
  sendSms,
  transform,
  respondWebhook,
] as unknown as NodeDefinition[]);

/** A registry holding `allNodes`. */
export function createDefaultRegistry(): Registry {
  return createRegistry([...allNodes]);
}

/** Shapes of the API answers the UI reads (the server validates; the UI only displays). */

export type RunStatus = 'pending' | 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled';

export interface AutomationStats {
  totalRuns: number;
  successfulRuns: number;
  failedRuns: number;
  lastRunAt: string | null;
  lastError: string | null;
}

export interface AutomationNode {
  id: string;
  type: string;
  label?: string;
  config: Record<string, unknown>;
  position: { x: number; y: number };
  connections: Array<{ targetId: string; condition: string }>;
}

export interface Automation {
  id: string;
  name: string;
  description: string;
  isActive: boolean;
  trigger: { type: string; config: Record<string, unknown> };
  nodes: AutomationNode[];
  version: number;
  stats: AutomationStats;
  problems?: Array<{ code: string; message: string; nodeId?: string }>;
  updatedAt?: string;
}

export interface LogEntry {
  nodeId: string;
  nodeType: string;
  startedAt: string;
  completedAt: string | null;
  status: 'success' | 'failed' | 'skipped';
  input?: unknown;
  output?: unknown;
  error: string | null;
  attempts?: number;
  branch?: string;
}

export interface Run {
  id: string;
  automationId: string;
  automationVersion: number;
  triggerType: string;
  status: RunStatus;
  currentNodeId: string | null;
  triggerData?: unknown;
  executionLog?: LogEntry[];
  scheduledAt: string | null;
  error: string | null;
  attempt: number;
  steps: number;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
}

export interface EmailTemplate {
  id: string;
  name: string;
  subject: string;
  body: string;
  preheader: string;
  text: string;
  availableVariables: string[];
  category: 'transactional' | 'marketing';
  isActive: boolean;
  updatedAt?: string;
}

export interface OutboxMessage {
  id: string;
  to: string | string[];
  subject: string;
  html?: string;
  text?: string;
  createdAt?: string;
  sentAt?: string;
  date?: string;
}

export interface Party {
  name: string;
  street: string;
  buildingNumber: string | null;
  postalCode: string;
  town: string;
  country: string;
  email: string | null;
}

export interface Project {
  id: string;
  name: string;
  description: string;
  status: string;
  client: Party | null;
  hourlyRate: number | null;
}

export interface ProjectEvent {
  id: string;
  type: 'hours' | 'expense';
  description: string;
  date: string;
  hours: number | null;
  hourlyRate: number | null;
  amount: number;
  billed: boolean;
  invoiceId: string | null;
}

export interface Line {
  description: string;
  quantity: number;
  unitPrice: number;
  total: number;
}

export interface Quote {
  id: string;
  title: string;
  lines: Line[];
  subtotal: number;
  status: 'draft' | 'signed';
  billed: boolean;
  validUntil: string | null;
}

export interface Invoice {
  id: string;
  projectId: string;
  number: string;
  invoiceType: 'standard' | 'custom';
  customLines: Line[];
  events: Line[];
  quotes: Line[];
  subtotal: number;
  vatRate: number;
  vatAmount: number;
  total: number;
  roundingAmount: number;
  payableTotal: number;
  vatBreakdown?: Array<{ rate: number; base: number; vat: number }>;
  reference?: string | null;
  status: string;
  issueDate: string;
  dueDate: string;
  notes: string;
}

/** A list answer: either a bare array or `{ items }` / `{ data }` with paging. */
export type ListAnswer<T> = T[] | { items?: T[]; data?: T[]; total?: number };

/** Reads a list answer of any of the accepted shapes. */
export function itemsOf<T>(answer: ListAnswer<T> | undefined): T[] {
  if (!answer) return [];
  if (Array.isArray(answer)) return answer;
  return answer.items ?? answer.data ?? [];
}

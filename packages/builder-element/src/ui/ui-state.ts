import type { Automation } from '@swigs/automation-core';
import type { ConnectionDraft } from '../xyflow/index';

/** A popup listing node types (to add) or nodes (to connect to). */
export interface QuickAddState {
  mode: 'add' | 'connect';
  /** Where the popup sits, in pixels inside the canvas. */
  left: number;
  top: number;
  /** Flow position for the new node. */
  position?: { x: number; y: number };
  wireFrom?: { id: string; output: string };
  edgeId?: string;
  query: string;
  active: number;
}

/** The email template being edited beside a step (its preview is the panel's task). */
export interface TemplateDraft {
  id: string;
  subject: string;
  body: string;
  preheader: string;
}

/** UI state that is not part of the automation. */
export interface BuilderUiState {
  quickAdd: QuickAddState | null;
  connection: ConnectionDraft | null;
  toast: string;
  live: string;
  tab: 'config' | 'test' | 'run';
  paletteQuery: string;
  showMinimap: boolean;
  snap: boolean;
  templateDraft: TemplateDraft | null;
  sampleText: string;
  /** The template field that last had focus, for variable insertion. */
  templateField: { path: (string | number)[]; start: number; end: number } | null;
  loadError: string;
  /** The period of the per-step figures on the canvas; null hides them. */
  statsPeriod: '7d' | '30d' | '90d' | null;
  statsError: string;
  /** Wide layout: whether the palette column is shown (open for an empty automation, closed for a built one). */
  paletteOpen: boolean;
  /** Narrow layout: which drawer is open over the canvas. */
  drawer: 'palette' | 'panel' | null;
  /** Condition entries the user types by hand (« Autre… »), as `nodeId:path`. */
  customPicks: Set<string>;
  /** The next pane click ends the link drop that opened the quick-add popup: it must not close it. */
  ignorePaneClick: boolean;
}

/** UI state at start. */
export function createUiState(): BuilderUiState {
  return {
    quickAdd: null,
    connection: null,
    toast: '',
    live: '',
    tab: 'config',
    paletteQuery: '',
    showMinimap: true,
    snap: true,
    templateDraft: null,
    sampleText: '',
    templateField: null,
    loadError: '',
    statsPeriod: null,
    statsError: '',
    paletteOpen: true,
    drawer: null,
    ignorePaneClick: false,
    customPicks: new Set(),
  };
}

// Not parsed: the trigger type stays empty until one is chosen (validation reports it).
/** What the element edits before an `automation` is set. */
export const EMPTY_AUTOMATION: Automation = {
  id: 'new',
  userId: 'local',
  name: 'Nouvelle automatisation',
  description: '',
  isActive: false,
  trigger: { type: '', config: {}, connections: [], position: { x: 0, y: 0 } },
  nodes: [],
  version: 1,
  stats: { totalRuns: 0, successfulRuns: 0, failedRuns: 0, lastRunAt: null, lastError: null },
};

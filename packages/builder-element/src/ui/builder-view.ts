import { createContext } from '@lit/context';
import type { AutomationRun, NodeTypeDescriptor } from '@swigs/automation-core';
import type { ReactiveControllerHost } from 'lit';
import type { BuilderClient, StepStatsEntry } from '../client';
import type { ConnectionController } from '../controllers/connection-controller';
import type { ListenController } from '../controllers/listen-controller';
import type { NodeDragController } from '../controllers/node-drag-controller';
import type { PanZoomController } from '../controllers/pan-zoom-controller';
import type { RunDataController } from '../controllers/run-data-controller';
import type { ServerController } from '../controllers/server-controller';
import type { BuilderStore } from '../editor/builder-store';
import type { Messages } from '../i18n/messages';
import type { ClipboardPayload } from '../model/clipboard';
import type { NodeLookup } from '../xyflow/index';
import type { NodeMoves } from '../editor/node-moves';
import type { BuilderUiState } from './ui-state';

/**
 * What the element shares with its render modules, as one object the element builds over its private state. A
 * module never takes the element itself: it declares the `Pick` of this it reads (`PaletteHost`, `ToolbarHost`, ...),
 * so what a view can touch is written at its top, and the element's class keeps its internals private.
 */
export interface BuilderView extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly store: BuilderStore;
  readonly ui: BuilderUiState;
  readonly msg: Messages;
  readonly lang: string;
  readonly langCode: 'fr' | 'en';
  readonly isReadonly: boolean;
  readonly run: AutomationRun | undefined;
  /** The catalogue the host set (`nodeTypes`), which wins over the server's. */
  readonly nodeTypes: NodeTypeDescriptor[] | undefined;
  readonly resolvedClient: BuilderClient | undefined;
  readonly nodeLookup: NodeLookup;
  /** Drag frames, per node: what the moved cards and their links listen to. */
  readonly moves: NodeMoves;
  readonly panZoom: PanZoomController;
  readonly drags: NodeDragController;
  readonly server: ServerController;
  readonly runData: RunDataController;
  readonly listener: ListenController;
  readonly connections: ConnectionController;
  /** Per-step figures of the chosen period, by step id; undefined while hidden or loading. */
  readonly stepStats: Map<string, StepStatsEntry> | null | undefined;
  /** The canvas size in pixels, as the last resize reported it. */
  readonly paneSize: { width: number; height: number };
  /** Whether the element is narrow enough for drawers (the styles' container query). */
  readonly narrow: boolean;
  /** In-memory clipboard (the system clipboard needs a permission to read). */
  clipboard: ClipboardPayload | undefined;
  setUi(patch: Partial<BuilderUiState>): void;
  announce(text: string): void;
  showToast(text: string): void;
  titleOf(type: string): string;
  containerElement(): HTMLDivElement | null;
  flowPoint(clientX: number, clientY: number): { x: number; y: number };
  panBy(delta: { x: number; y: number }): Promise<boolean>;
  /** Fits the view again after the next layout (the pane's size is about to change). */
  requestFit(): void;
  addNode(type: string, position?: { x: number; y: number }): string | undefined;
  deleteSelection(): number;
  undo(): boolean;
  redo(): boolean;
  autoLayout(): void;
  fitView(duration?: number): Promise<boolean>;
  save(): unknown;
  runTest(): Promise<void>;
  showStats(period: '7d' | '30d' | '90d' | null): Promise<unknown>;
}

/** The builder's view, provided by `<swigs-automation-builder>` to the child elements of its shadow root. */
export const builderViewContext = createContext<BuilderView>(Symbol('swigs-builder-view'));

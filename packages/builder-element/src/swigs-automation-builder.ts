import { html, LitElement, type PropertyValues, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type {
  Automation,
  AutomationRun,
  CheckIssue,
  NodeTypeDescriptor,
  ValidationProblem,
} from '@swigs/automation-core/graph';
import { ContextProvider } from '@lit/context';
import { hostView } from './editor/host-view';
import { builderViewContext, type BuilderView } from './ui/builder-view';
import { resolveClient, type BuilderClient, type BuilderClientOptions } from './client';
import { readAutomation, readNodeTypes, readRun } from './client-responses';
import { NodeDragController } from './controllers/node-drag-controller';
import { MinimapController } from './controllers/minimap-controller';
import { PanZoomController } from './controllers/pan-zoom-controller';
import { BuilderStore } from './editor/builder-store';
import { NodeMoves } from './editor/node-moves';
import { SwigsChangeEvent, SwigsSaveEvent, SwigsThemeChangeEvent, type ChangeReason } from './events';
import { createStatsTask } from './controllers/stats-controller';
import { RunDataController } from './controllers/run-data-controller';
import { ListenController } from './controllers/listen-controller';
import { messagesFor, type Messages } from './i18n/messages';
import { GRID_SIZE } from './model/geometry';
import { builderStyles } from './styles';
import { createUiState, EMPTY_AUTOMATION, type BuilderUiState } from './ui/ui-state';
import { renderCanvas } from './ui/canvas';
import { definePalette, PALETTE_TAG } from './ui/builder-palette';
import { definePanel, PANEL_TAG } from './ui/builder-panel';
import { defineQuickAdd, QUICK_ADD_TAG } from './ui/builder-quick-add';
import { defineToolbar, TOOLBAR_TAG } from './ui/builder-toolbar';
import { defineCanvasGraph, GRAPH_TAG } from './ui/canvas-graph';
import { ServerController } from './controllers/server-controller';
import { ConnectionController } from './controllers/connection-controller';
import { handleKeydown } from './ui/keyboard';
import { openQuickAddAfterDrop } from './ui/quick-add';
import {
  adoptNodes,
  applyDragPositions,
  panByDelta,
  screenToFlow,
  type DragItems,
  type NodeLookup,
} from './xyflow/index';

/**
 * `<swigs-automation-builder>`: draws, edits, validates, tests and replays automations.
 * Registered by `@swigs/automation-builder/define` (or the single-file bundle).
 * @tagname swigs-automation-builder
 * @fires swigs-change - after every edit (`SwigsChangeEvent`: automation, reason, problems)
 * @fires swigs-save - on save (`SwigsSaveEvent`: automation, draft, problems)
 * @fires swigs-theme-change - when the shown colour scheme changes (`SwigsThemeChangeEvent`: scheme `light`/`dark`)
 * @csspart root - the element's frame
 * @csspart toolbar - the toolbar
 * @csspart palette - the step palette
 * @csspart canvas - the canvas
 * @csspart node - every node on the canvas
 * @csspart edge-button - the "+" button on every edge
 * @csspart minimap - the minimap
 * @csspart panel - the side panel (configuration, test, run)
 * @csspart problems - the problems list
 * @csspart quick-add - the popup to add or connect a step
 * @cssprop --swigs-bg - canvas background
 * @cssprop --swigs-surface - panels and nodes
 * @cssprop --swigs-text - text colour
 * @cssprop --swigs-muted - secondary text
 * @cssprop --swigs-border - borders
 * @cssprop --swigs-accent - selection, focus and primary buttons
 * @cssprop --swigs-accent-text - text on the accent colour
 * @cssprop --swigs-danger - problems and failures
 * @cssprop --swigs-success - triggers and executed paths
 * @cssprop --swigs-warning - condition nodes
 * @cssprop --swigs-edge - edges and handles
 * @cssprop --swigs-grid - grid dots
 * @cssprop --swigs-radius - corner radius
 * @cssprop --swigs-font - font family
 * @cssprop --swigs-panel-width - side panel width
 * @cssprop --swigs-palette-width - palette width
 */
export class SwigsAutomationBuilder extends LitElement {
  static override styles = builderStyles;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: false };

  static override properties = {
    automation: { attribute: false },
    nodeTypes: { attribute: false },
    client: { attribute: false },
    run: { attribute: false },
    readonly: { type: Boolean, reflect: true },
    hideSave: { type: Boolean, attribute: 'hide-save', reflect: true },
    hideName: { type: Boolean, attribute: 'hide-name', reflect: true },
    lang: { reflect: true },
    theme: { reflect: true },
    apiBase: { attribute: 'api-base' },
  };

  /** The automation being edited (core `Automation` shape); kept current as the user edits. */
  declare automation: Automation | undefined;
  /** The node catalogue; when unset it is fetched from `GET {api-base}/api/node-types`. */
  declare nodeTypes: NodeTypeDescriptor[] | undefined;
  /** How to reach the server: a `BuilderClient`, or `{ baseUrl, token, fetch }`. */
  declare client: BuilderClient | BuilderClientOptions | undefined;
  /** A run to display (core `AutomationRun` shape): shows the executed path read-only. */
  declare run: AutomationRun | undefined;
  /** No editing: pan, zoom and selection only. */
  declare readonly: boolean;
  /**
   * Hides the toolbar's save button (`hide-save` attribute), for a host page that shows its own: Ctrl/Cmd+S and
   * `save()` still fire `swigs-save`, and the host reports the save (the element shows no "saved" toast).
   */
  declare hideSave: boolean;
  /**
   * Leaves the automation's name out of the toolbar (`hide-name` attribute), for a host page that shows it (and
   * lets the user rename it) in its own header: the name is not repeated next to the host's name field.
   */
  declare hideName: boolean;
  /** `fr` (default) or `en`. */
  declare lang: string;
  /** `light`, `dark` or `auto` (follows the system). */
  declare theme: 'light' | 'dark' | 'auto';
  /** Base URL of the API (`api-base` attribute); '' means same origin. */
  declare apiBase: string | null;

  private readonly store: BuilderStore;
  /** Replaced, never mutated, by `setUi`: the panel re-renders when it is a new object. */
  private ui: BuilderUiState = createUiState();
  private readonly nodeLookup: NodeLookup = new Map();
  private readonly moves = new NodeMoves();
  /** What the render modules and controllers see of the element: built over its private state (see `BuilderView`). */
  private readonly view: BuilderView;
  /** "Use a run's data": the chosen past run's data in the editor. */
  private readonly runData: RunDataController;
  /** "Listen for the next event": the next webhook call or CMS event becomes the sample data. */
  private readonly listener: ListenController;
  /** Per-step figures of the chosen period (`@lit/task`). */
  private readonly statsTask: ReturnType<typeof createStatsTask>;
  private readonly panZoom: PanZoomController;
  private readonly drags: NodeDragController;
  private readonly server: ServerController;
  private readonly connections: ConnectionController;
  private lastEmitted: Automation | undefined;
  /** The object the host last set: a host that re-renders sets it again, which must not reload it. */
  private lastInput: unknown;
  private needsFit = true;
  private paneSize = { width: 0, height: 0 };
  private shownScheme: 'light' | 'dark' | undefined;
  private readonly darkQuery =
    typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
  private readonly onSchemeChange = (): void => this.announceScheme();
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private clientCache: { client: unknown; apiBase: unknown; resolved: BuilderClient | undefined } | undefined;
  private userNodes: ReturnType<typeof adoptNodes> = [];
  private additivePress = false;

  constructor() {
    super();
    this.readonly = false;
    this.hideSave = false;
    this.hideName = false;
    this.lang = 'fr';
    this.theme = 'auto';
    this.apiBase = null;
    this.store = new BuilderStore(EMPTY_AUTOMATION, (reason) => this.onStoreChange(reason));
    this.view = this.createView();
    // The toolbar, the palette, the side panel and the add/connect popup are child elements: they read the view
    // through @lit/context.
    defineToolbar();
    definePalette();
    definePanel();
    defineQuickAdd();
    defineCanvasGraph();
    new ContextProvider(this, { context: builderViewContext, initialValue: this.view });
    // Each controller gets the few members it reads; `client` is a getter so a new `client` property is seen.
    const el = this;
    const reach = () => ({
      get resolvedClient() {
        return el.resolvedClient;
      },
      currentAutomation: () => el.store.automation,
    });
    this.runData = new RunDataController(hostView(this, reach()));
    this.listener = new ListenController(
      hostView(this, Object.assign(reach(), { takeSample: (sample: unknown) => this.takeSample(sample) })),
    );
    this.statsTask = createStatsTask(
      hostView(
        this,
        Object.assign(reach(), {
          statsAutomationId: () => this.store.automation.id,
          statsPeriod: () => this.ui.statsPeriod,
        }),
      ),
    );
    this.panZoom = new PanZoomController(
      hostView(this, { paneElement: () => this.paneElement(), isConnecting: () => this.ui.connection !== null }),
      () => this.fitIfNeeded(),
    );
    this.drags = new NodeDragController(this, {
      nodes: () => this.userNodes,
      lookup: this.nodeLookup,
      container: () => this.containerElement(),
      transform: () => this.panZoom.transform,
      snapToGrid: () => this.ui.snap,
      gridSize: GRID_SIZE,
      draggable: () => !this.isReadonly,
      panBy: (delta) => this.panBy(delta),
      unselectAll: () => this.store.select([]),
      onNodeMouseDown: (id) => {
        // Shift (or Ctrl/Cmd) + click adds to the selection; a plain press selects only the pressed node.
        if (this.additivePress) this.store.select([id], true);
        else if (!this.store.selection.has(id)) this.store.select([id]);
      },
      updatePositions: (items, dragging) => this.onDrag(items, dragging ?? false),
    });
    new MinimapController(
      hostView(this, {
        minimapSvg: () => this.minimapSvg(),
        panZoomInstance: () => this.panZoom?.instance,
        currentTransform: () => this.panZoom.transform,
        minimapViewScale: () => this.minimapViewScale(),
      }),
    );
    this.server = new ServerController(this.view);
    this.connections = new ConnectionController(this.view, (state) => openQuickAddAfterDrop(this.view, state));
    this.addEventListener('keydown', (event) => handleKeydown(this.view, event));
    this.addEventListener(
      'mousedown',
      (event) => (this.additivePress = event.shiftKey || event.ctrlKey || event.metaKey),
      { capture: true },
    );
  }

  /** The view the render modules and controllers get: live getters over the private state, bound calls. */
  private createView(): BuilderView {
    const el = this;
    return hostView(this, {
      get renderRoot() {
        return el.renderRoot;
      },
      get store() {
        return el.store;
      },
      get ui() {
        return el.ui;
      },
      get msg() {
        return el.msg;
      },
      get lang() {
        return el.lang;
      },
      get langCode() {
        return el.langCode;
      },
      get isReadonly() {
        return el.isReadonly;
      },
      get run() {
        return el.run;
      },
      get nodeTypes() {
        return el.nodeTypes;
      },
      get resolvedClient() {
        return el.resolvedClient;
      },
      get nodeLookup() {
        return el.nodeLookup;
      },
      moves: this.moves,
      get panZoom() {
        return el.panZoom;
      },
      get drags() {
        return el.drags;
      },
      get server() {
        return el.server;
      },
      get runData() {
        return el.runData;
      },
      get listener() {
        return el.listener;
      },
      get connections() {
        return el.connections;
      },
      get stepStats() {
        return el.statsTask.value;
      },
      get paneSize() {
        return el.paneSize;
      },
      get narrow() {
        return el.getBoundingClientRect().width < 768;
      },
      clipboard: undefined,
      setUi: (patch) => this.setUi(patch),
      announce: (text) => this.announce(text),
      showToast: (text) => this.showToast(text),
      titleOf: (type) => this.titleOf(type),
      containerElement: () => this.containerElement(),
      flowPoint: (x, y) => this.flowPoint(x, y),
      panBy: (delta) => this.panBy(delta),
      requestFit: () => {
        this.needsFit = true;
        this.requestUpdate();
      },
      addNode: (type, position) => this.addNode(type, position),
      deleteSelection: () => this.deleteSelection(),
      undo: () => this.undo(),
      redo: () => this.redo(),
      autoLayout: () => this.autoLayout(),
      fitView: (duration) => this.fitView(duration),
      save: () => this.save(),
      runTest: () => this.runTest(),
      showStats: (period) => this.showStats(period),
    } satisfies Omit<BuilderView, keyof ReactiveControllerHost>);
  }

  /** The current automation (same as the `automation` property). */
  getAutomation(): Automation {
    return this.store.automation;
  }

  /** Problems found by core's `validateAutomation`. */
  get problems(): readonly ValidationProblem[] {
    return this.store.report.problems;
  }

  /** Whether the UI is read-only (the `readonly` attribute or a `run` on display). */
  get isReadonly(): boolean {
    return this.readonly || this.run !== undefined;
  }

  private get msg(): Messages {
    return messagesFor(this.lang);
  }

  private get langCode(): 'fr' | 'en' {
    return this.lang === 'en' ? 'en' : 'fr';
  }

  /** Runs `POST /api/automations/:id/test` and shows the simulated timeline. */
  runTest(): Promise<void> {
    return this.server.runTest();
  }

  private paneElement(): Element | null {
    return this.renderRoot?.querySelector?.('.swigs-flow__pane') ?? null;
  }

  private minimapSvg(): SVGSVGElement | null {
    return this.ui.showMinimap
      ? ((this.renderRoot?.querySelector?.('svg.minimap') as SVGSVGElement | null) ?? null)
      : null;
  }

  private get resolvedClient(): BuilderClient | undefined {
    // One client per (client, api-base) pair, so per-client state (catalogue loaded, routes missing) holds.
    const cached = this.clientCache;
    if (cached && cached.client === this.client && cached.apiBase === this.apiBase) return cached.resolved;
    const resolved = resolveClient(this.client, this.apiBase);
    this.clientCache = { client: this.client, apiBase: this.apiBase, resolved };
    return resolved;
  }

  /** A listened event's payload: the new sample data, shown as every step's input and in the test panel. */
  private takeSample(sample: unknown): void {
    this.runData.clear();
    // Step tests ran on the old sample: their answers no longer show (PanelTasks keeps them per input).
    this.setUi({ sampleText: '' });
    this.server.resetDryRun();
    this.store.setSampleData(sample);
    this.showToast(this.msg.listenCaptured);
  }

  /** Shows per-step figures over `period` on the canvas (null hides them); fetched again on each call. */
  showStats(period: '7d' | '30d' | '90d' | null): Promise<unknown> {
    this.setUi({ statsPeriod: period });
    return period ? this.statsTask.run() : Promise.resolve();
  }

  /** The colour scheme shown: `theme`, or the system's for `auto`. */
  get colorScheme(): 'light' | 'dark' {
    if (this.theme === 'dark' || this.theme === 'light') return this.theme;
    return this.darkQuery?.matches ? 'dark' : 'light';
  }

  private announceScheme(): void {
    const scheme = this.colorScheme;
    if (scheme === this.shownScheme) return;
    this.shownScheme = scheme;
    this.dispatchEvent(new SwigsThemeChangeEvent(scheme));
  }

  /** Fits every node into view. */
  async fitView(duration = 200): Promise<boolean> {
    return this.panZoom.fit(this.nodeLookup, duration);
  }

  undo(): boolean {
    return this.store.undo();
  }

  redo(): boolean {
    return this.store.redo();
  }

  /** Lays the graph out left to right (dagre), then fits the view. */
  autoLayout(): void {
    if (this.isReadonly) return;
    this.store.layout();
    this.needsFit = true;
  }

  /** Adds a step of `type`, wired from the selected node when exactly one is selected. Returns its id. */
  addNode(type: string, position?: { x: number; y: number }): string | undefined {
    if (this.isReadonly) return undefined;
    const from = this.store.selectedNode;
    const descriptor = this.store.lookup.get(type);
    const output = from && descriptor?.kind !== 'trigger' ? this.store.freeOutput(from) : undefined;
    const id = this.store.addNodeOfType(type, {
      ...(position ? { position } : {}),
      ...(from && output && !position ? { wireFrom: { id: from, output } } : {}),
    });
    if (id) this.announce(this.msg.added(this.titleOf(type)));
    return id;
  }

  /** Deletes the selected steps or link. */
  deleteSelection(): number {
    if (this.isReadonly) return 0;
    const count = this.store.deleteSelection();
    if (count) this.announce(this.msg.deleted(count));
    return count;
  }

  /** Emits `swigs-save`; an automation with problems is saved only as an inactive draft. */
  save(): SwigsSaveEvent {
    const valid = this.store.report.valid;
    const automation = valid ? this.store.automation : { ...this.store.automation, isActive: false };
    if (!valid && this.store.automation.isActive) this.store.commit(automation, 'active');
    const event = new SwigsSaveEvent(automation, !valid, this.store.report.problems);
    this.dispatchEvent(event);
    // A host that hides the save button reports the save itself (it knows whether the server stored it).
    if (!this.hideSave) this.showToast(valid ? this.msg.saved : this.msg.savedDraft);
    return event;
  }

  private titleOf(type: string): string {
    const descriptor = this.store.lookup.get(type);
    return descriptor ? descriptor.title[this.langCode] : type || this.msg.chooseTrigger;
  }

  private announce(text: string): void {
    this.setUi({ live: text });
  }

  private showToast(text: string): void {
    this.setUi({ toast: text, live: text });
    clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => this.setUi({ toast: '' }), 4000);
  }

  private containerElement(): HTMLDivElement | null {
    return (this.renderRoot?.querySelector?.('.swigs-flow') as HTMLDivElement | null) ?? null;
  }

  private flowPoint(clientX: number, clientY: number): { x: number; y: number } {
    const container = this.containerElement();
    if (!container) return { x: 0, y: 0 };
    return screenToFlow(
      { x: clientX, y: clientY },
      container,
      this.panZoom.transform,
      this.ui.snap ? GRID_SIZE : false,
    );
  }

  private onStoreChange(reason: ChangeReason | 'select' | 'load'): void {
    this.userNodes = adoptNodes(this.store.flow.nodes, this.nodeLookup);
    if (reason === 'select') {
      this.ui = { ...this.ui, templateDraft: null, templateField: null };
    } else if (reason !== 'load') {
      if (reason === 'add' || reason === 'insert' || reason === 'paste') this.revealSelection();
      this.lastEmitted = this.store.automation;
      this.automation = this.store.automation;
      this.dispatchEvent(new SwigsChangeEvent(this.store.automation, reason, this.store.report.problems));
    }
    if (reason !== 'select') this.server?.scheduleValidation();
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.darkQuery?.addEventListener('change', this.onSchemeChange);
    this.shownScheme = undefined;
    this.resizeObserver = new ResizeObserver((entries) => {
      const rect = entries[0]?.contentRect;
      if (rect) this.paneSize = { width: rect.width, height: rect.height };
      this.fitIfNeeded();
      this.requestUpdate();
    });
    void this.updateComplete.then(() => {
      const container = this.containerElement();
      if (container) this.resizeObserver?.observe(container);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.darkQuery?.removeEventListener('change', this.onSchemeChange);
    clearTimeout(this.toastTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('nodeTypes') && this.nodeTypes) {
      const parsed = readNodeTypes(this.nodeTypes);
      if (parsed.success) this.store.setDescriptors(parsed.data);
      else this.ui = { ...this.ui, loadError: `nodeTypes: ${issueLine(parsed.issues)}` };
    }
    if (changed.has('automation') && this.automation && this.automation !== this.lastEmitted) {
      // The host set again what it gave before (a re-render): keep the edits, read back the current document.
      if (this.automation === this.lastInput) this.automation = this.store.automation;
      else this.loadAutomation(this.automation);
    }
    if (changed.has('run') && this.run) {
      const parsed = readRun(this.run);
      if (parsed.success) {
        this.ui = { ...this.ui, tab: 'run', loadError: '' };
      } else {
        this.ui = { ...this.ui, loadError: `run: ${issueLine(parsed.issues)}` };
        this.run = undefined;
      }
    }
  }

  /** Done once the child views (elements updated after this one) have rendered too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const children = this.renderRoot?.querySelectorAll?.<HTMLElement & { updateComplete: Promise<boolean> }>(
      CHILD_VIEW_TAGS,
    );
    await Promise.all([...(children ?? [])].map((child) => child.updateComplete));
    return done;
  }

  protected override updated(): void {
    this.announceScheme();
    if (this.needsFit) this.fitIfNeeded();
  }

  protected override render(): TemplateResult {
    return html`
      <div class="root" part="root" role="region" aria-label=${this.msg.builder} data-drawer=${this.ui.drawer ?? 'none'} data-palette=${this.ui.paletteOpen ? 'open' : 'closed'}>
        <swigs-builder-toolbar .revision=${this.store.revision} .locale=${this.lang} .drawer=${this.ui.drawer}
          .paletteOpen=${this.ui.paletteOpen} .showMinimap=${this.ui.showMinimap} .snap=${this.ui.snap}
          .statsPeriod=${this.ui.statsPeriod} .stats=${Boolean(this.resolvedClient?.getStepStats)}
          .readonly=${this.isReadonly} .hideSave=${this.hideSave} .hideName=${this.hideName}></swigs-builder-toolbar>
        ${this.ui.loadError ? html`<p class="load-error error-text" role="alert" data-testid="load-error">${this.ui.loadError}</p>` : null}
        <div class="body">
          ${this.isReadonly ? null : html`<swigs-builder-palette .descriptors=${this.store.descriptors} .query=${this.ui.paletteQuery} .locale=${this.lang}></swigs-builder-palette>`}
          ${renderCanvas(this.view)}
          <swigs-builder-panel .revision=${this.store.revision} .ui=${this.ui} .runData=${this.runData.state}
            .listen=${this.listener.state} .run=${this.run} .serverRevision=${this.server.revision} .locale=${this.lang}
            ?readonly=${this.isReadonly}></swigs-builder-panel>
        </div>
        <div class="sr-only" role="status" aria-live="polite">${this.ui.live}</div>
        ${this.ui.toast ? html`<div class="toast" role="alert" data-testid="toast">${this.ui.toast}</div>` : null}
      </div>
    `;
  }

  private setUi(patch: Partial<BuilderUiState>): void {
    this.ui = { ...this.ui, ...patch };
    this.requestUpdate();
  }

  private loadAutomation(input: unknown): void {
    const parsed = readAutomation(input);
    if (!parsed.success) {
      this.ui = { ...this.ui, loadError: `automation: ${issueLine(parsed.issues)}`.trim() };
      return;
    }
    this.lastInput = input;
    this.store.load(parsed.data);
    // The property reads back the parsed, normalized document from now on (defaults filled, trigger edges explicit).
    this.lastEmitted = this.store.automation;
    this.automation = this.store.automation;
    // A built automation is opened to be read: its canvas gets the palette's width (the "+" buttons still add).
    this.ui = { ...this.ui, loadError: '', paletteOpen: parsed.data.nodes.length === 0 };
    this.server?.resetDryRun();
    this.needsFit = true;
  }

  private onDrag(items: DragItems, dragging: boolean): void {
    applyDragPositions(items, this.nodeLookup);
    if (dragging) {
      // A frame of the drag: the moved cards and their links redraw themselves, nothing else renders.
      this.moves.notify(items.keys());
      return;
    }
    const positions = new Map<string, { x: number; y: number }>();
    for (const [id, item] of items) {
      const before = this.store.flow.nodes.find((n) => n.id === id)?.position;
      if (!before || before.x !== item.position.x || before.y !== item.position.y)
        positions.set(id, { ...item.position });
    }
    if (positions.size) this.store.move(positions);
    else this.requestUpdate();
  }

  private panBy(delta: { x: number; y: number }): Promise<boolean> {
    const pane = this.containerElement();
    const { width, height } = pane?.getBoundingClientRect() ?? { width: 0, height: 0 };
    return panByDelta(this.panZoom.instance, this.panZoom.transform, width, height, delta);
  }

  /**
   * Once the edit has rendered, fits the view again when the selection (the step just added) lies outside it, panned
   * to it when the graph is too wide to fit. Checked after the update: the store selects a new step after committing
   * it, so the selection seen during the commit is still the previous step's.
   */
  private revealSelection(): void {
    void this.updateComplete.then(() => {
      if (this.selectionHidden()) void this.panZoom.reveal(this.nodeLookup, this.store.selection, 200);
    });
  }

  private selectionHidden(): boolean {
    const [tx, ty, zoom] = this.panZoom.transform;
    const { width, height } = this.paneSize;
    if (!width || !height) return false;
    return [...this.store.selection].some((id) => {
      const node = this.nodeLookup.get(id);
      if (!node) return false;
      const x = node.internals.positionAbsolute.x * zoom + tx;
      const y = node.internals.positionAbsolute.y * zoom + ty;
      return (
        x < 0 ||
        y < 0 ||
        x + (node.measured.width ?? 0) * zoom > width ||
        y + (node.measured.height ?? 0) * zoom > height
      );
    });
  }

  private fitIfNeeded(): void {
    if (!this.needsFit || !this.panZoom.instance || this.nodeLookup.size === 0) return;
    const pane = this.containerElement();
    if (!pane?.getBoundingClientRect().width) return;
    this.needsFit = false;
    void this.panZoom.fit(this.nodeLookup, 0);
  }

  /** Flow units per minimap pixel, read when the minimap is dragged (reading it on each update forced a layout). */
  private minimapViewScale(): number {
    const svg = this.renderRoot.querySelector('svg.minimap');
    const viewBox = svg?.getAttribute('viewBox')?.split(' ').map(Number);
    if (!svg || !viewBox || viewBox.length !== 4) return 1;
    const { width, height } = svg.getBoundingClientRect();
    return Math.max((viewBox[2] ?? 0) / (width || 1), (viewBox[3] ?? 0) / (height || 1));
  }
}

/** The builder's child view elements, which `updateComplete` waits for. */
const CHILD_VIEW_TAGS = [TOOLBAR_TAG, PALETTE_TAG, PANEL_TAG, QUICK_ADD_TAG, GRAPH_TAG].join(', ');

declare global {
  interface HTMLElementTagNameMap {
    'swigs-automation-builder': SwigsAutomationBuilder;
  }
}

/** The first issue of a rejected input, for the load error line: `nodes.0.id Invalid input`. */
function issueLine(issues: readonly CheckIssue[]): string {
  const issue = issues[0];
  return `${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`;
}

import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { AutomationRun, Automation, ValidationProblem } from '@swigs/automation-core/graph';
import type { StepStatsEntry, TestTimelineEntry } from '../client';
import type { DescriptorLookup } from '../model/flow-graph';
import { handleBoxes, TRIGGER_ID } from '../model/geometry';
import { knownFields } from '../model/known-fields';
import { stepSummary } from '../model/step-summary';
import { handleDataId } from '../xyflow/index';
import type { BuilderView } from './builder-view';
import { icon, stepIconName } from './icons';
import { formatZurich, runStatusOf } from './run-data';

/** What a card reads and calls besides its properties: services, never state that changes what it shows. */
export type StepCardHost = Pick<BuilderView, 'msg' | 'store' | 'titleOf' | 'connections' | 'moves' | 'nodeLookup'>;

/** The tag of a step's card on the canvas. */
export const CARD_TAG = 'swigs-step-card';

/**
 * One step on the canvas, as its own element: its properties are what it shows, so Lit renders a card only when one
 * of them changed (selecting a step renders two cards, not 301), and a drag frame moves only the dragged card. The
 * element itself is the `.swigs-flow__node` (XYDrag, focus and the tests address it); it renders into itself, inside
 * the builder's shadow root, so the builder's styles apply.
 */
export class SwigsStepCard extends LitElement {
  static override properties = {
    host: { attribute: false },
    nodeId: { attribute: false },
    type: { attribute: false },
    kind: { attribute: false },
    label: { attribute: false },
    outputs: { attribute: false },
    selected: { attribute: false },
    x: { attribute: false },
    y: { attribute: false },
    problems: { attribute: false },
    config: { attribute: false },
    run: { attribute: false },
    timeline: { attribute: false },
    stats: { attribute: false },
    templates: { attribute: false },
    automation: { attribute: false },
    descriptors: { attribute: false },
    lang: { attribute: false },
  };

  declare host: StepCardHost;
  declare nodeId: string;
  declare type: string;
  declare kind: string;
  declare label: string | undefined;
  declare outputs: readonly string[];
  declare selected: boolean;
  /** Position in flow coordinates: set by the canvas, and by the card itself on each drag frame. */
  declare x: number;
  declare y: number;
  declare problems: readonly ValidationProblem[];
  /** The step's stored configuration (the trigger's for the trigger). */
  declare config: unknown;
  /** The run shown (a real run, or the chosen past run's data). */
  declare run: AutomationRun | undefined;
  /** The dry run's first step at this node. */
  declare timeline: TestTimelineEntry | undefined;
  declare stats: StepStatsEntry | undefined;
  declare templates: readonly { id: string; name: string }[] | null | undefined;
  /** Set for conditions only: their summary names the field from the trigger's and upstream steps' schemas. */
  declare automation: Automation | undefined;
  declare descriptors: DescriptorLookup;
  declare lang: 'fr' | 'en';

  private stopListening: (() => void) | undefined;

  constructor() {
    super();
    this.addEventListener('focus', () => {
      // Keyboard focus selects; a mouse press is handled by click (which knows about Shift).
      if (this.matches(':focus-visible') && !this.host.store.selection.has(this.nodeId))
        this.host.store.select([this.nodeId]);
    });
    this.addEventListener('click', (e) => {
      const store = this.host.store;
      if (e.shiftKey || e.ctrlKey || e.metaKey) store.select([this.nodeId], true);
      else if (store.selection.size !== 1 || !store.selection.has(this.nodeId)) store.select([this.nodeId]);
    });
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopListening?.();
    this.stopListening = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('nodeId') || changed.has('host')) this.listen();
  }

  protected override render(): TemplateResult {
    const m = this.host.msg;
    const id = this.nodeId;
    const problems = this.problems;
    const title = this.type ? this.host.titleOf(this.type) : m.chooseTrigger;
    const label = this.label ?? title;
    const entry = this.timeline;
    // A dry run's failed step is marked failed like a real run's.
    const status = this.run ? runStatusOf(this.run, id) : entry?.status === 'failed' ? 'failed' : undefined;
    const failed = entry?.status === 'failed' ? (entry.error ?? m.stepFailed) : '';
    const summary = stepSummary(this.type, this.config, {
      lang: this.lang,
      templateName: (template) => this.templates?.find((t) => t.id === template)?.name,
      ...(this.automation ? { fields: knownFields(this.automation, id, this.descriptors) } : {}),
    });
    const subtitle = id === TRIGGER_ID ? (this.lang === 'fr' ? 'Déclencheur' : 'Trigger') : this.label ? title : id;
    this.setAttributes({
      class: [
        'swigs-flow__node',
        'nopan',
        `kind-${this.kind}`,
        this.selected ? 'selected' : '',
        problems.length ? 'invalid' : '',
        status ? `run-${status}` : '',
      ].join(' '),
      part: 'node',
      'data-id': id,
      'data-type': this.type,
      'data-testid': 'node',
      'data-status': status,
      'data-selected': this.selected ? 'true' : 'false',
      tabindex: '0',
      role: 'group',
      'aria-roledescription': this.lang === 'fr' ? 'étape' : 'step',
      'aria-label': m.nodeAria(label, id, problems.length, summary || undefined),
      'aria-invalid': problems.length ? 'true' : 'false',
    });
    this.style.transform = `translate(${this.x}px, ${this.y}px)`;
    return html`
      <div class="face">
        <div class="head">
          <span class="icon" data-testid="node-icon">${icon(stepIconName(this.type, this.kind))}</span>
          <span class="title">${label}</span>
          ${failed ? html`<span class="state failed" data-testid="node-failed" title=${failed}>${icon('cross')}<span class="sr-only">${m.stepFailed}</span></span>` : nothing}
        </div>
        <div class="summary" data-testid="node-summary" title=${summary || subtitle}>${summary || subtitle}</div>
      </div>
      ${problems.length ? html`<span class="marker" data-testid="problem-marker" title=${problems.map((p) => p.message).join('\n')}>${problems.length}</span>` : nothing}
      ${entry ? html`<span class="badge ${entry.status}" data-testid="timeline-badge" title=${entry.error ?? ''}>${entry.status === 'failed' ? (entry.error ?? m.stepFailed) : formatZurich(entry.at, this.lang)}</span>` : nothing}
      ${this.stats ? this.renderStats(this.stats) : nothing}
      ${this.renderHandles()}
    `;
  }

  /** Moves the card on a drag frame: only its position changed, so Lit renders only this card. */
  private listen(): void {
    this.stopListening?.();
    this.stopListening = undefined;
    if (!this.host || !this.nodeId || !this.isConnected) return;
    const id = this.nodeId;
    this.stopListening = this.host.moves.on(id, () => {
      const position = this.host.nodeLookup.get(id)?.internals.positionAbsolute;
      if (!position) return;
      this.x = position.x;
      this.y = position.y;
    });
  }

  private setAttributes(attributes: Record<string, string | undefined>): void {
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined) this.removeAttribute(name);
      else if (this.getAttribute(name) !== value) this.setAttribute(name, value);
    }
  }

  private renderHandles(): TemplateResult[] {
    const m = this.host.msg;
    const id = this.nodeId;
    const connections = this.host.connections;
    return handleBoxes(this.outputs, id !== TRIGGER_ID).map(
      (handle) => html`<div
        class="swigs-flow__handle nodrag nopan ${handle.type} ${handle.id ?? ''} connectable connectablestart connectableend"
        style="left:${handle.x}px;top:${handle.y}px"
        data-id=${handleDataId(id, handle.id, handle.type)}
        data-nodeid=${id}
        data-handleid=${handle.id ?? nothing}
        data-handlepos=${handle.side}
        data-testid=${handle.type === 'target' ? 'handle-input' : `handle-${handle.id}`}
        title=${m.handleAria(handle.type === 'target' ? 'input' : 'output', m.outputs[handle.id ?? ''] ?? handle.id ?? '')}
        @mousedown=${(e: MouseEvent) => connections.start(e, id, handle.id, handle.type === 'target')}
        @touchstart=${(e: TouchEvent) => connections.start(e, id, handle.id, handle.type === 'target')}
      >
        ${handle.type === 'source' && this.outputs.length > 1 ? html`<span class="hlabel">${m.outputs[handle.id ?? ''] ?? handle.id}</span>` : nothing}
      </div>`,
    );
  }

  /** The step's figures over the chosen period, under its card. */
  private renderStats(stats: StepStatsEntry): TemplateResult {
    const m = this.host.msg;
    const sent = stats.sent !== undefined && (this.type === 'send_email' || this.type === 'send_sms');
    return html`<div class="stats" role="group" data-testid="node-stats" aria-label=${m.statsAria(stats.reached, stats.waiting, stats.succeeded, stats.failed)}>
      <span data-stat="reached" title=${m.statsReached}>${icon('reached')} ${stats.reached}</span>
      ${stats.waiting ? html`<span data-stat="waiting" title=${m.statsWaiting}>${icon('pause')} ${stats.waiting}</span>` : nothing}
      <span data-stat="succeeded" class="ok" title=${m.statsSucceeded}>${icon('check')} ${stats.succeeded}</span>
      ${stats.failed ? html`<span data-stat="failed" class="error-text" title=${m.statsFailed}>${icon('cross')} ${stats.failed}</span>` : nothing}
      ${sent ? html`<span data-stat="sent" title=${m.statsSent}>${icon('mail')} ${stats.sent}</span>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'swigs-step-card': SwigsStepCard;
  }
}

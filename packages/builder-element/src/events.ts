import type { Automation, ValidationProblem } from '@swigs/automation-core';

/** Why the automation changed. */
export type ChangeReason =
  | 'add'
  | 'delete'
  | 'connect'
  | 'move'
  | 'config'
  | 'label'
  | 'layout'
  | 'paste'
  | 'insert'
  | 'trigger'
  | 'undo'
  | 'redo'
  | 'active'
  /** A listened event's payload became the sample data. */
  | 'sample';

/** Fired after every edit, with the whole automation. */
export class SwigsChangeEvent extends Event {
  static readonly eventName = 'swigs-change';
  constructor(
    readonly automation: Automation,
    readonly reason: ChangeReason,
    readonly problems: readonly ValidationProblem[],
  ) {
    super(SwigsChangeEvent.eventName, { bubbles: true, composed: true });
  }
  /** The same data, for listeners used to `CustomEvent.detail`. */
  get detail(): { automation: Automation; reason: ChangeReason; problems: readonly ValidationProblem[] } {
    return { automation: this.automation, reason: this.reason, problems: this.problems };
  }
}

/** Fired on save (button or Ctrl/Cmd+S). An invalid automation is saved only as an inactive draft. */
export class SwigsSaveEvent extends Event {
  static readonly eventName = 'swigs-save';
  constructor(
    readonly automation: Automation,
    /** True when the automation has problems and was forced to `isActive: false`. */
    readonly draft: boolean,
    readonly problems: readonly ValidationProblem[],
  ) {
    super(SwigsSaveEvent.eventName, { bubbles: true, composed: true });
  }
  get detail(): { automation: Automation; draft: boolean; problems: readonly ValidationProblem[] } {
    return { automation: this.automation, draft: this.draft, problems: this.problems };
  }
}

/**
 * Fired when the colour scheme the element shows changes (on connect, on a `theme` change, and for `theme="auto"`
 * when the system scheme changes), so the host page can follow it.
 */
export class SwigsThemeChangeEvent extends Event {
  static readonly eventName = 'swigs-theme-change';
  constructor(readonly scheme: 'light' | 'dark') {
    super(SwigsThemeChangeEvent.eventName, { bubbles: true, composed: true });
  }
  get detail(): { scheme: 'light' | 'dark' } {
    return { scheme: this.scheme };
  }
}

declare global {
  interface HTMLElementEventMap {
    'swigs-change': SwigsChangeEvent;
    'swigs-save': SwigsSaveEvent;
    'swigs-theme-change': SwigsThemeChangeEvent;
  }
}

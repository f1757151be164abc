import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import './define';
import { SwigsAutomationBuilder } from './swigs-automation-builder';
import type { SwigsChangeEvent, SwigsSaveEvent } from './events';

/**
 * React wrapper of `<swigs-automation-builder>`: properties as props, `onSwigsChange`/`onSwigsSave` as events.
 * @example
 * <SwigsAutomationBuilderReact automation={automation} nodeTypes={types} onSwigsSave={(e) => save(e.automation)} />
 */
export const SwigsAutomationBuilderReact = createComponent({
  tagName: 'swigs-automation-builder',
  elementClass: SwigsAutomationBuilder,
  react: React,
  events: {
    onSwigsChange: 'swigs-change' as EventName<SwigsChangeEvent>,
    onSwigsSave: 'swigs-save' as EventName<SwigsSaveEvent>,
  },
});

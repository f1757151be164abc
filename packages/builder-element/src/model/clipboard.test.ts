import { describe, expect, it } from 'vitest';
import { sampleAutomation } from '../../test/fixtures';
import { copyNodes, parseClipboard, pasteNodes } from './clipboard';
import { TRIGGER_ID } from './geometry';

describe('copy and paste', () => {
  it('pastes with fresh ids, remaps inner connections, drops outer ones and offsets positions', () => {
    const automation = sampleAutomation();
    const payload = copyNodes(automation, ['condition-1', 'send-email-1', TRIGGER_ID]);
    expect(payload.nodes.map((n) => n.id)).toEqual(['condition-1', 'send-email-1']);
    const { automation: pasted, ids } = pasteNodes(automation, payload, { x: 40, y: 40 });
    expect(ids).toEqual(['condition-2', 'send-email-2']);
    const condition = pasted.nodes.find((n) => n.id === 'condition-2');
    expect(condition?.connections).toEqual([{ targetId: 'send-email-2', condition: 'true' }]);
    expect(condition?.position).toEqual({ x: 640, y: 40 });
    expect(pasted.nodes.find((n) => n.id === 'send-email-2')?.config).toEqual(automation.nodes[2]?.config);
    expect(pasted.nodes).toHaveLength(automation.nodes.length + 2);
  });

  it('a copy is independent of later edits, and survives the text clipboard', () => {
    const automation = sampleAutomation();
    const payload = copyNodes(automation, ['wait-1']);
    (automation.nodes[0] as { config: Record<string, unknown> }).config.duration = 99;
    const parsed = parseClipboard(JSON.stringify(payload));
    expect(parsed?.nodes[0]?.config.duration).toBe(2);
    expect(parseClipboard('{"kind":"other"}')).toBeUndefined();
    expect(parseClipboard('not json')).toBeUndefined();
  });
});

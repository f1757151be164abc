/** Every node is drawn at a fixed size, so handles have static bounds and nothing needs measuring. */
export const NODE_WIDTH = 240;
/** Height of every node: its title line and two lines of summary. */
export const NODE_HEIGHT = 84;
/** Side of a handle's square box. */
export const HANDLE_SIZE = 12;
/** Snap grid step, in flow pixels. */
export const GRID_SIZE = 20;
/** The trigger is drawn as a node with this fixed id. */
export const TRIGGER_ID = 'trigger';

/** Inputs sit on the left, outputs on the right (left-to-right flows). */
export type HandleSide = 'left' | 'right';

/** A handle's static box, relative to its node's top-left corner. */
export interface HandleBox {
  /** `null` for a node's single input; the output name (`default`, `true`, `false`) for outputs. */
  id: string | null;
  type: 'source' | 'target';
  side: HandleSide;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Handles of a node with the given outputs; triggers have no input. */
export function handleBoxes(outputs: readonly string[], hasInput: boolean): HandleBox[] {
  const half = HANDLE_SIZE / 2;
  const boxes: HandleBox[] = [];
  if (hasInput) {
    boxes.push({
      id: null,
      type: 'target',
      side: 'left',
      x: -half,
      y: NODE_HEIGHT / 2 - half,
      width: HANDLE_SIZE,
      height: HANDLE_SIZE,
    });
  }
  const step = NODE_HEIGHT / (outputs.length + 1);
  outputs.forEach((output, index) => {
    boxes.push({
      id: output,
      type: 'source',
      side: 'right',
      x: NODE_WIDTH - half,
      y: Math.round(step * (index + 1) - half),
      width: HANDLE_SIZE,
      height: HANDLE_SIZE,
    });
  });
  return boxes;
}

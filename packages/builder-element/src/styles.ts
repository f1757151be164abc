import { css } from 'lit';

/** The dark colours, for `theme="dark"` and for `theme="auto"` under a dark system scheme. */
const darkPalette = css`
  --_bg: var(--swigs-bg, #15171c);
  --_surface: var(--swigs-surface, #20232a);
  --_text: var(--swigs-text, #eceef2);
  --_muted: var(--swigs-muted, #a9afbb);
  --_border: var(--swigs-border, #3a3f4a);
  --_accent: var(--swigs-accent, #7aa7ff);
  --_accent-text: var(--swigs-accent-text, #0b1020);
  --_danger: var(--swigs-danger, #ff8a80);
  --_success: var(--swigs-success, #7ad48f);
  --_warning: var(--swigs-warning, #f3c164);
  --_edge: var(--swigs-edge, #8d95a5);
  --_grid: var(--swigs-grid, #2b2f38);
`;

/** The element's styles; every colour and size is a documented `--swigs-*` custom property. */
export const builderStyles = css`
  :host {
    --_bg: var(--swigs-bg, #f7f7f8);
    --_surface: var(--swigs-surface, #ffffff);
    --_text: var(--swigs-text, #1b1d22);
    --_muted: var(--swigs-muted, #5b6270);
    --_border: var(--swigs-border, #d4d7dd);
    --_accent: var(--swigs-accent, #1f5fd1);
    --_accent-text: var(--swigs-accent-text, #ffffff);
    --_danger: var(--swigs-danger, #b3261e);
    --_success: var(--swigs-success, #1d7a3a);
    --_warning: var(--swigs-warning, #8a5a00);
    --_edge: var(--swigs-edge, #7b8494);
    --_grid: var(--swigs-grid, #d9dce2);
    --_radius: var(--swigs-radius, 8px);
    --_font: var(--swigs-font, inherit);
    --_panel-width: var(--swigs-panel-width, 320px);
    --_palette-width: var(--swigs-palette-width, 230px);
    display: block;
    position: relative;
    height: 100%;
    min-height: 480px;
    font: 14px/1.4 var(--_font);
    color: var(--_text);
    box-sizing: border-box;
  }
  :host([theme='dark']) {
    ${darkPalette}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkPalette}
    }
  }
  *, *::before, *::after { box-sizing: border-box; }
  button, input, select, textarea { font: inherit; color: inherit; }
  button {
    background: var(--_surface); border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2);
    padding: 4px 10px; cursor: pointer; min-height: 30px;
  }
  button:hover:not(:disabled) { border-color: var(--_accent); }
  button:disabled { opacity: 0.5; cursor: default; }
  button.primary { background: var(--_accent); color: var(--_accent-text); border-color: var(--_accent); }
  :focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
  input, select, textarea {
    background: var(--_surface); border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2);
    padding: 4px 6px; width: 100%;
  }
  textarea { min-height: 80px; resize: vertical; }
  .root { display: flex; flex-direction: column; height: 100%; background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius); overflow: hidden; }
  .toolbar { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 6px 8px; border-bottom: 1px solid var(--_border); background: var(--_surface); }
  .toolbar .spacer { flex: 1; }
  .toolbar .name { font-weight: 600; margin-right: 8px; }
  .toolbar label.toggle { display: inline-flex; gap: 4px; align-items: center; }
  .toolbar label.toggle input { width: auto; }
  .load-error { margin: 0; padding: 4px 8px; border-bottom: 1px solid var(--_border); background: var(--_surface); }
  .status { font-size: 12px; color: var(--_muted); }
  .body { display: flex; flex: 1; min-height: 0; }
  .palette { width: var(--_palette-width); border-right: 1px solid var(--_border); background: var(--_surface); padding: 8px; overflow: auto; }
  .palette h2.group, .panel h3 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--_muted); margin: 12px 0 4px; }
  .palette ul, .quick-add ul { list-style: none; margin: 0; padding: 0; }
  .palette-item { display: block; width: 100%; text-align: left; margin: 3px 0; border-radius: calc(var(--_radius) / 2); }
  .palette-item small, .quick-add small { display: block; color: var(--_muted); font-size: 12px; }
  .panel h2 { font-size: 17px; margin: 10px 0 4px; }
  .panel { width: var(--_panel-width); border-left: 1px solid var(--_border); background: var(--_surface); padding: 8px 10px; overflow: auto; }
  .field { margin: 8px 0; }
  .field > label, .field > .label { display: block; font-weight: 600; font-size: 13px; margin-bottom: 2px; }
  .field .hint { color: var(--_muted); font-size: 12px; }
  .field .inline { display: flex; gap: 6px; }
  .field .inline > * { flex: 1; }
  .field.checkbox label { display: inline-flex; gap: 6px; align-items: center; font-weight: 600; }
  .field.checkbox input { width: auto; }
  fieldset { border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2); padding: 4px 8px; margin: 8px 0; }
  fieldset legend { font-weight: 600; font-size: 13px; }
  .array-item { display: flex; gap: 6px; align-items: flex-start; }
  .array-item > :first-child { flex: 1; }
  .variables li { display: flex; justify-content: space-between; gap: 6px; align-items: center; margin: 2px 0; }
  .variables code { font-size: 12px; word-break: break-all; }
  .variables ul { list-style: none; margin: 0; padding: 0; }
  .problems ul { margin: 0; padding-left: 16px; }
  .problems li { color: var(--_danger); margin: 2px 0; }
  .problems button.link { border: none; background: none; padding: 0; color: var(--_danger); text-align: left; min-height: 0; text-decoration: underline; }
  .ok { color: var(--_success); }
  .error-text { color: var(--_danger); }
  pre { background: var(--_bg); border: 1px solid var(--_border); padding: 6px; font-size: 12px; overflow: auto; max-height: 200px; white-space: pre-wrap; word-break: break-word; }
  iframe.email { width: 100%; height: 240px; border: 1px solid var(--_border); background: #fff; }
  .timeline li { margin: 6px 0; }
  .timeline time { font-weight: 600; }
  .swigs-flow { position: relative; flex: 1; min-width: 0; overflow: hidden; }
  .swigs-flow__pane {
    position: absolute; inset: 0; overflow: hidden; cursor: grab;
    background-color: var(--_bg);
    background-image: radial-gradient(circle, var(--_grid) 1px, transparent 1px);
    background-size: var(--_grid-size, 20px) var(--_grid-size, 20px);
    background-position: var(--_grid-x, 0) var(--_grid-y, 0);
  }
  .swigs-flow__pane:focus-visible { outline-offset: -3px; }
  .xyflow__viewport { position: absolute; top: 0; left: 0; transform-origin: 0 0; width: 0; height: 0; }
  .swigs-flow__edges { position: absolute; top: 0; left: 0; overflow: visible; width: 1px; height: 1px; pointer-events: none; }
  .swigs-flow__edge path.line { fill: none; stroke: var(--_edge); stroke-width: 2; }
  .swigs-flow__edge path.hit { fill: none; stroke: transparent; stroke-width: 14; pointer-events: stroke; cursor: pointer; }
  .swigs-flow__edge.selected path.line { stroke: var(--_accent); stroke-width: 3; }
  .swigs-flow__edge.executed path.line { stroke: var(--_success); stroke-width: 3; }
  .swigs-flow__connectionline { fill: none; stroke: var(--_accent); stroke-width: 2; stroke-dasharray: 5 4; }
  .swigs-flow__edgelabel {
    position: absolute; transform: translate(-50%, -50%); pointer-events: all; min-height: 0; width: 22px; height: 22px;
    padding: 0; border-radius: 50%; font-size: 14px; line-height: 18px; display: flex; align-items: center; justify-content: center;
  }
  .swigs-flow__edgelabel.branch { width: auto; height: auto; padding: 0 6px; border-radius: 8px; font-size: 11px; pointer-events: none; background: var(--_bg); border: none; color: var(--_muted); }
  .swigs-flow__node {
    position: absolute; top: 0; left: 0; width: 220px; height: 64px; background: var(--_surface);
    border: 1px solid var(--_border); border-left: 4px solid var(--_accent); border-radius: var(--_radius);
    padding: 6px 10px; cursor: grab; user-select: none; display: flex; flex-direction: column; justify-content: center;
    box-shadow: 0 1px 2px rgb(0 0 0 / 8%);
  }
  .swigs-flow__node.kind-trigger { border-left-color: var(--_success); }
  .swigs-flow__node.kind-condition { border-left-color: var(--_warning); }
  .swigs-flow__node.kind-wait { border-left-color: var(--_muted); }
  .swigs-flow__node.selected { border-color: var(--_accent); box-shadow: 0 0 0 2px var(--_accent); }
  .swigs-flow__node.invalid { border-color: var(--_danger); }
  .swigs-flow__node .title { font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .swigs-flow__node .sub { font-size: 12px; color: var(--_muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .swigs-flow__node .marker { position: absolute; top: -9px; right: -9px; background: var(--_danger); color: #fff; border-radius: 9px; min-width: 18px; height: 18px; font-size: 11px; text-align: center; line-height: 18px; padding: 0 4px; }
  .swigs-flow__node .badge { position: absolute; bottom: -11px; left: 8px; background: var(--_accent); color: var(--_accent-text); border-radius: 6px; font-size: 11px; padding: 0 6px; white-space: nowrap; }
  .swigs-flow__node.run-success { border-color: var(--_success); border-left-color: var(--_success); }
  .swigs-flow__node.run-failed { border-color: var(--_danger); border-left-color: var(--_danger); }
  .swigs-flow__node.run-skipped, .swigs-flow__node.run-none { opacity: 0.55; }
  .swigs-flow__handle {
    position: absolute; width: 12px; height: 12px; border-radius: 50%; background: var(--_surface); border: 2px solid var(--_edge); cursor: crosshair;
  }
  .swigs-flow__handle.source.true { border-color: var(--_success); }
  .swigs-flow__handle.source.false { border-color: var(--_danger); }
  .swigs-flow__handle:hover, .swigs-flow__handle.valid { background: var(--_accent); }
  .swigs-flow__handle .hlabel { position: absolute; left: 14px; top: -4px; font-size: 10px; color: var(--_muted); pointer-events: none; }
  .minimap { position: absolute; right: 10px; bottom: 10px; width: 200px; height: 140px; background: var(--_surface); border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2); }
  .minimap rect.node { fill: var(--_edge); }
  .minimap path.mask { fill: rgb(120 120 120 / 25%); fill-rule: evenodd; }
  .quick-add { position: absolute; z-index: 10; width: 260px; max-height: 320px; overflow: auto; background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); padding: 8px; box-shadow: 0 6px 24px rgb(0 0 0 / 18%); }
  .quick-add li button { width: 100%; text-align: left; margin: 2px 0; }
  .quick-add li button[aria-selected='true'] { border-color: var(--_accent); background: var(--_bg); }
  .toast { position: absolute; left: 50%; bottom: 12px; transform: translateX(-50%); background: var(--_text); color: var(--_bg); padding: 6px 12px; border-radius: var(--_radius); font-size: 13px; z-index: 20; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  :host([readonly]) .swigs-flow__node { cursor: pointer; }
  :host([readonly]) .swigs-flow__handle { cursor: default; }
`;

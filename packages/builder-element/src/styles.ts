import { css } from 'lit';
import { NODE_HEIGHT, NODE_WIDTH } from './model/geometry';

/** The dark colours, for `theme="dark"` and for `theme="auto"` under a dark system scheme. */
const darkPalette = css`
  color-scheme: dark;
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
    color-scheme: light;
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
  .root { container: builder / inline-size; display: flex; flex-direction: column; height: 100%; background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius); overflow: hidden; }
  .toolbar { display: flex; flex-wrap: nowrap; gap: 12px; align-items: center; padding: 6px 8px; border-bottom: 1px solid var(--_border); background: var(--_surface); }
  .toolbar .tools { display: flex; gap: 6px; align-items: center; flex: 1 1 auto; min-width: 0; overflow-x: auto; scrollbar-width: thin; }
  .toolbar .tools > * { flex: none; }
  /* When the tools run out of width they scroll sideways (768–1100 px, a phone): the fading edge says there is more. */
  .toolbar .tools { mask-image: linear-gradient(to right, #000 calc(100% - 20px), transparent); }
  .toolbar .tools > .name { flex: 0 1 auto; min-width: 48px; max-width: 260px; font-weight: 600; margin-right: 6px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .toolbar .actions { display: flex; gap: 8px; align-items: center; flex: none; }
  .toolbar .toggle, .toolbar .status { white-space: nowrap; }
  .toolbar button { display: inline-flex; align-items: center; gap: 4px; }
  .toolbar .actions .short { display: none; }
  .toolbar .icon-button { justify-content: center; min-width: 34px; padding-inline: 6px; font-size: 17px; }
  .root[data-palette='closed'] .palette, .toolbar .drawer-toggle { display: none; }
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
  /* The panel element only hosts the panel: its <aside> lays out in the body as if it were there itself. */
  swigs-builder-panel, swigs-builder-toolbar, swigs-builder-palette, swigs-builder-quick-add, swigs-canvas-graph { display: contents; }
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
  /* No text selection on the canvas: a pan over the "+" buttons selected their text, and a later press on a handle
     inside that selection started a native drag of it instead of a link. */
  .swigs-flow { position: relative; flex: 1; min-width: 0; overflow: hidden; user-select: none; -webkit-user-select: none; }
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
    position: absolute; top: 0; left: 0; width: ${NODE_WIDTH}px; height: ${NODE_HEIGHT}px; background: var(--_surface);
    border: 1px solid var(--_border); border-left: 4px solid var(--_accent); border-radius: var(--_radius);
    padding: 6px 10px; cursor: grab; user-select: none; display: flex; flex-direction: column; justify-content: center;
    box-shadow: 0 1px 2px rgb(0 0 0 / 8%);
  }
  .swigs-flow__node.kind-trigger { border-left-color: var(--_success); }
  .swigs-flow__node.kind-condition { border-left-color: var(--_warning); }
  .swigs-flow__node.kind-wait { border-left-color: var(--_muted); }
  .swigs-flow__node.selected { border-color: var(--_accent); box-shadow: 0 0 0 2px var(--_accent); }
  .swigs-flow__node.invalid { border-color: var(--_danger); }
  /*
   * A card's face (icon, title, summary) is laid out and styled only when it is on screen: a 300-step automation
   * renders the few cards in view, not all of them. Badges, markers and handles sit outside it (it clips).
   */
  .swigs-flow__node .face {
    flex: 1 1 0; min-height: 0; display: flex; flex-direction: column; justify-content: center;
    content-visibility: auto; contain-intrinsic-size: auto ${NODE_WIDTH - 16}px auto ${NODE_HEIGHT - 14}px;
  }
  .swigs-flow__node .head { display: flex; align-items: center; gap: 6px; min-width: 0; }
  .swigs-flow__node .icon { flex: none; width: 28px; height: 28px; border-radius: 6px; display: inline-flex; align-items: center; justify-content: center; background: var(--_bg); color: var(--_accent); font-size: 18px; }
  .swigs-flow__node.kind-trigger .icon { color: var(--_success); }
  .swigs-flow__node.kind-wait .icon { color: var(--_muted); }
  .svg-icon { flex: none; vertical-align: -0.125em; }
  .swigs-flow__node .state.failed { display: inline-flex; font-size: 16px; }
  .swigs-flow__node .stats span { display: inline-flex; align-items: center; gap: 2px; }
  .swigs-flow__node .title { font-weight: 600; font-size: 14px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; flex: 1; }
  /* Up to two lines, then an ellipsis: the full text is in the card's title and accessible name. */
  .swigs-flow__node .summary {
    font-size: 13px; line-height: 17px; color: var(--_muted); margin-top: 4px; overflow: hidden; overflow-wrap: anywhere;
    display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2;
  }
  .swigs-flow__node .state.failed { color: var(--_danger); font-weight: 700; }
  .swigs-flow__node .badge.failed { background: var(--_danger); color: #fff; max-width: 200px; overflow: hidden; text-overflow: ellipsis; }
  .swigs-flow__node .stats { position: absolute; top: calc(100% + 6px); left: 0; display: flex; gap: 8px; font-size: 12px; background: var(--_surface); border: 1px solid var(--_border); border-radius: 6px; padding: 1px 6px; white-space: nowrap; }
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
  .drawer-toggle, .drawer-close { display: none; }
  .json-tree { font: 12px/24px ui-monospace, monospace; margin: 0; padding-left: 12px; list-style: none; }
  .json-tree summary { cursor: pointer; }
  .json-tree .key { color: var(--_accent); }
  .json-tree button.field { min-height: 24px; min-width: 24px; margin: 0; padding: 0 4px; border: none; background: none; text-align: left; font: inherit; color: inherit; }
  .json-tree button.field:hover { text-decoration: underline; }
  /* The data pane stays in view at the panel's foot while the form scrolls above it (n8n shows them side by side). */
  .step-io { position: sticky; bottom: -8px; z-index: 1; max-height: 45vh; overflow: auto; background: var(--_surface); border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2); padding: 4px 8px; margin: 8px 0; box-shadow: 0 -4px 8px rgb(0 0 0 / 6%); }
  .step-io h3 { margin: 6px 0 2px; }
  .listen { margin: 4px 0; }
  .listen .listening { display: flex; gap: 6px; align-items: baseline; color: var(--_text); }
  .listen .pulse { flex: none; width: 8px; height: 8px; border-radius: 50%; background: var(--_success); animation: swigs-pulse 1.2s ease-in-out infinite; }
  @keyframes swigs-pulse { 50% { opacity: 0.3; } }
  @media (prefers-reduced-motion: reduce) { .listen .pulse { animation: none; } }
  .run-list { list-style: none; margin: 4px 0; padding: 0; display: grid; gap: 4px; }
  .run-list button { width: 100%; text-align: left; font-size: 13px; }
  /* Narrow (a phone): the canvas takes the whole width; palette and panel are drawers over it. */
  @container builder (max-width: 767px) {
    .drawer-toggle, .drawer-close { display: inline-block; }
    .body { position: relative; }
    .palette, .panel {
      position: absolute; top: 0; bottom: 0; z-index: 15; width: min(88%, 340px); box-shadow: 0 6px 24px rgb(0 0 0 / 25%);
      transform: translateX(-110%); transition: transform 0.2s; visibility: hidden;
    }
    .panel { right: 0; transform: translateX(110%); }
    .palette { left: 0; }
    .root[data-drawer='palette'] .palette, .root[data-drawer='panel'] .panel { transform: none; visibility: visible; }
    .root[data-palette] .palette { display: block; }
    .toolbar .drawer-toggle { display: inline-flex; }
    .toolbar { gap: 6px; }
    .toolbar .tools > .name, .toolbar .minimap-toggle { display: none; }
    .toolbar .actions .long { display: none; }
    .toolbar .actions .short { display: inline-flex; align-items: center; gap: 2px; }
    .toolbar .tools { min-width: 112px; }
    /* A drawer is too short to keep the data pane in view beside the form: it follows the form instead. */
    .step-io { position: static; max-height: none; box-shadow: none; }
    .minimap { display: none; }
  }
  :host([readonly]) .swigs-flow__handle { cursor: default; }
`;

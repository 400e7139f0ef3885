// The viewport's pointer tools.
export type TopoTool = 'pan' | 'select' | 'box' | 'lasso' | 'profile';

export const TOOLS: ReadonlyArray<{ tool: TopoTool; title: string; hint: string }> = [
  { tool: 'pan', title: 'Pan', hint: 'Drag to pan, wheel to zoom, click a marker to select it (Shift adds)' },
  {
    tool: 'select',
    title: 'Select',
    hint: 'Click a marker (Shift adds), drag a box, Shift+drag a lasso; Ctrl adds; middle-drag pans',
  },
  { tool: 'box', title: 'Box', hint: 'Drag a box to select markers; Shift or Ctrl adds' },
  { tool: 'lasso', title: 'Lasso', hint: 'Draw round markers to select them; Shift or Ctrl adds' },
  { tool: 'profile', title: 'Profile', hint: 'Drag a line to plot the height along it; middle-drag pans' },
];

/** How a gesture changes the selection. */
export type SelectMode = 'replace' | 'add' | 'toggle';

/** A profile line in frame units (0…1 left → right, top → bottom). */
export interface ProfileLine {
  start: { u: number; v: number };
  end: { u: number; v: number };
}

// The provenance every exported table carries as its CSV comment header: what wrote it, from
// which analysis run, with which recipe, and what the exporter chose (view settings, group …).

export interface TableProvenance {
  appVersion: string;
  /** What the table is: a figure's title or a CLI table ("averaged spectrum of core"). */
  what: string;
  runId: number;
  /** ISO time the run was made. */
  runCreatedAt: string;
  recipe: unknown;
  /** The exporter's own settings, beside the stored recipe. */
  settings: Record<string, unknown>;
}

export function provenanceHeader(p: TableProvenance): string[] {
  return [
    `STS Workbench ${p.appVersion} · ${p.what} · analysis run ${p.runId} (${p.runCreatedAt})`,
    `recipe: ${JSON.stringify(p.recipe)}`,
    `view: ${JSON.stringify(p.settings)}`,
  ];
}

// `sts-workbench inspect <file> [--json]`: what the reader found, values as numbers (null for NaN).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseFile } from '../../shared/formats/index.ts';
import { parseContextFor } from '../../main/import/parseContext.ts';
import type { ParsedFile } from '../../shared/formats/types.ts';
import { finiteStats } from '../../main/library/fileRows.ts';
import { UsageError } from '../usage.ts';

function numbers(values: Float64Array): Array<number | null> {
  return Array.from(values, (v) => (Number.isNaN(v) ? null : v));
}

export function inspectReport(parsed: ParsedFile): Record<string, unknown> {
  return {
    format: parsed.format,
    kind: parsed.kind,
    header: parsed.header,
    position: parsed.position,
    acquiredAt: parsed.acquiredAt,
    setpoint: parsed.setpoint,
    notIv: parsed.notIv,
    channels: parsed.channels.map((channel) => ({
      name: channel.name,
      quantity: channel.quantity,
      unit: channel.unit,
      sweep: channel.sweep,
      direction: channel.direction,
      filtered: channel.filtered,
      points: channel.values.length,
      values: numbers(channel.values),
    })),
    spectra: parsed.spectra.length,
    grid: parsed.grid,
    images: parsed.images.map((image) => {
      const stats = finiteStats(image.data);
      return {
        channel: image.channel,
        unit: image.unit,
        direction: image.direction,
        width: image.width,
        height: image.height,
        min: stats.min,
        max: stats.max,
        mean: stats.mean,
        nanCount: stats.nanCount,
      };
    }),
  };
}

export function inspectCommand(args: { file: string | undefined; json: boolean }): number {
  if (!args.file) throw new UsageError('inspect: name one file');
  let bytes: Buffer;
  try {
    bytes = readFileSync(args.file);
  } catch (error) {
    throw new UsageError(
      `inspect: cannot read ${args.file}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
  let parsed: ParsedFile;
  try {
    parsed = parseFile(
      basename(args.file),
      new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      parseContextFor(args.file, basename(args.file)),
    );
  } catch (error) {
    throw new Error(`${args.file}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const report = inspectReport(parsed);
  if (args.json) {
    process.stdout.write(JSON.stringify(report) + '\n');
    return 0;
  }
  console.log(`${args.file}: ${parsed.format}, ${parsed.kind}${parsed.notIv ? ` (${parsed.notIv})` : ''}`);
  console.log(
    `  ${Object.keys(parsed.header).length} header keys, ${parsed.channels.length} columns, ${parsed.spectra.length} I-V spectra, ${parsed.images.length} images`,
  );
  for (const channel of parsed.channels)
    console.log(`  column ${channel.name} (${channel.values.length} points)`);
  for (const image of parsed.images)
    console.log(`  image ${image.channel} ${image.direction} ${image.width}x${image.height} (${image.unit})`);
  return 0;
}

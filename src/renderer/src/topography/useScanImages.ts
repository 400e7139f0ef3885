// The scans in the library and the image the user picked: scan (file), channel and direction.
// Default: defaultScan's scan and channel (the newest .sxm with contrast, Z if it has), forward.
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Direction } from '../../../shared/formats/types.ts';
import type { ImageRow } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';
import { errorText } from '../data/libraryQueries.ts';
import { queryKeys } from '../data/queryClient.ts';
import { defaultChannel, defaultScan } from './defaultScan.ts';

export interface Scan {
  fileId: number;
  fileName: string;
  acquiredAt: string | null;
  images: ImageRow[];
}

/** Most images one library holds in practice; listImages pages, this view takes one page. */
const MAX_IMAGES = 20_000;

function groupScans(rows: readonly ImageRow[]): Scan[] {
  const byFile = new Map<number, Scan>();
  for (const row of rows) {
    const scan = byFile.get(row.fileId);
    if (scan) scan.images.push(row);
    else
      byFile.set(row.fileId, {
        fileId: row.fileId,
        fileName: row.fileName,
        acquiredAt: row.acquiredAt,
        images: [row],
      });
  }
  return [...byFile.values()];
}

const NO_IMAGES: ImageRow[] = [];

export function useScanImages() {
  const { data: rows = NO_IMAGES, error } = useQuery({
    queryKey: queryKeys.images({ limit: MAX_IMAGES }),
    queryFn: async () => (await getApi().listImages({ limit: MAX_IMAGES })).rows,
  });
  const [fileId, setFileId] = useState<number | null>(null);
  const [channel, setChannel] = useState<string | null>(null);
  const [direction, setDirection] = useState<Direction>('forward');

  const scans = useMemo(() => groupScans(rows), [rows]);
  const scan = scans.find((s) => s.fileId === fileId) ?? defaultScan(scans);
  const channels = scan ? [...new Set(scan.images.map((i) => i.channel))] : [];
  const chosenChannel =
    channel !== null && channels.includes(channel) ? channel : scan && defaultChannel(scan);
  const ofChannel = scan?.images.filter((i) => i.channel === chosenChannel) ?? [];
  const image = ofChannel.find((i) => i.direction === direction) ?? ofChannel[0] ?? null;
  const directions = new Set(ofChannel.map((i) => i.direction));

  return {
    scans,
    scan: scan ?? null,
    channels,
    channel: chosenChannel ?? null,
    directions,
    image,
    error: errorText(error),
    selectScan: (id: number) => setFileId(id),
    selectChannel: setChannel,
    selectDirection: setDirection,
  };
}

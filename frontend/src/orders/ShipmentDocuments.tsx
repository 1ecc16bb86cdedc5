import { useState } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { ApiError } from '../api/errors';
import { SHIPMENT_DOCUMENT_LABELS, usePrintShipmentDocument, useSaveShipmentDocument, type ShipmentDocument } from '../api/shipments';
import { PrintErrorAlert } from '../shell/PrintErrorAlert';

const KINDS: readonly ShipmentDocument[] = ['labels', 'packing-slip'];

/** The keys that print a shipment's documents at the pack station. */
const PRINT_KEYS: Record<ShipmentDocument, string> = { labels: 'F8', 'packing-slip': 'F7' };

/**
 * A shipment's labels and packing slip: each printed on this workstation's
 * printer for it or saved as a file. A print that finds no printer says so
 * with a way to Settings → Printers. With hotkeys (the pack station) F8
 * prints the labels and F7 the packing slip: one keystroke to the label
 * printer.
 */
export function ShipmentDocuments({
  shipmentId,
  number,
  size = 'xs',
  hotkeys = false,
}: {
  shipmentId: string;
  number: string;
  size?: 'xs' | 'sm' | 'md';
  hotkeys?: boolean;
}) {
  const save = useSaveShipmentDocument();
  const print = usePrintShipmentDocument();
  const [printError, setPrintError] = useState<{ kind: ShipmentDocument; err: ApiError } | null>(null);
  const busy = save.isPending || print.isPending;
  const printDoc = (kind: ShipmentDocument) => {
    if (busy) return;
    const label = SHIPMENT_DOCUMENT_LABELS[kind];
    setPrintError(null);
    print.mutate(
      { kind, shipmentId },
      {
        onSuccess: (where) => notifications.show({ color: 'green', title: `${label} printed`, message: where }),
        onError: (err) => setPrintError({ kind, err }),
      },
    );
  };
  // The keys work with the cursor in the scan field, where it waits.
  useHotkeys(hotkeys ? KINDS.map((kind) => [PRINT_KEYS[kind], () => printDoc(kind)] as [string, () => void]) : [], []);
  return (
    <Stack gap="xs">
      <Group gap="xs" role="group" aria-label={`Documents of shipment ${number}`}>
        {KINDS.map((kind) => {
          const label = SHIPMENT_DOCUMENT_LABELS[kind];
          return (
            <Button.Group key={kind}>
              <Button
                size={size}
                variant={kind === 'labels' ? 'filled' : 'default'}
                loading={print.isPending && print.variables?.kind === kind}
                disabled={busy}
                onClick={() => printDoc(kind)}
                aria-keyshortcuts={hotkeys ? PRINT_KEYS[kind] : undefined}
              >
                Print {label.toLowerCase()}
                {hotkeys && ` (${PRINT_KEYS[kind]})`}
              </Button>
              <Button
                size={size}
                variant="default"
                aria-label={`Save ${label.toLowerCase()}`}
                loading={save.isPending && save.variables?.kind === kind}
                disabled={busy}
                onClick={() =>
                  save.mutate(
                    { kind, shipmentId },
                    {
                      onSuccess: (where) => {
                        if (where) notifications.show({ color: 'green', message: `${label} saved: ${where}` });
                      },
                      onError: (err) => notifications.show({ color: 'red', title: `${label} not saved`, message: err.message }),
                    },
                  )
                }
              >
                Save
              </Button>
            </Button.Group>
          );
        })}
      </Group>
      {printError && (
        <PrintErrorAlert
          title={`${SHIPMENT_DOCUMENT_LABELS[printError.kind]} not printed`}
          err={printError.err}
          onClose={() => setPrintError(null)}
        />
      )}
    </Stack>
  );
}

import { useState } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import type { ApiError } from '../api/errors';
import { isNoPrinterError } from '../api/printing';
import { SHIPMENT_DOCUMENT_LABELS, usePrintShipmentDocument, useSaveShipmentDocument, type ShipmentDocument } from '../api/shipments';

const KINDS: readonly ShipmentDocument[] = ['labels', 'packing-slip'];

/**
 * A shipment's labels and packing slip: each printed on this workstation's
 * printer for it or saved as a file. A print that finds no printer says so
 * with a way to Settings → Printers.
 */
export function ShipmentDocuments({ shipmentId, number, size = 'xs' }: { shipmentId: string; number: string; size?: 'xs' | 'sm' | 'md' }) {
  const save = useSaveShipmentDocument();
  const print = usePrintShipmentDocument();
  const navigate = useNavigate();
  const [printError, setPrintError] = useState<{ kind: ShipmentDocument; err: ApiError } | null>(null);
  const busy = save.isPending || print.isPending;
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
                onClick={() => {
                  setPrintError(null);
                  print.mutate(
                    { kind, shipmentId },
                    {
                      onSuccess: (where) => notifications.show({ color: 'green', title: `${label} printed`, message: where }),
                      onError: (err) => setPrintError({ kind, err }),
                    },
                  );
                }}
              >
                Print {label.toLowerCase()}
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
        <Alert
          color={isNoPrinterError(printError.err) ? 'yellow' : 'red'}
          role="alert"
          title={`${SHIPMENT_DOCUMENT_LABELS[printError.kind]} not printed`}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setPrintError(null)}
        >
          <Stack gap="xs" align="flex-start">
            {printError.err.message}
            {isNoPrinterError(printError.err) && (
              <Button size="xs" variant="light" onClick={() => void navigate('/settings#printers')}>
                Set up printers
              </Button>
            )}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

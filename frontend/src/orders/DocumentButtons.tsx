import { useState } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DOCUMENT_LABELS, useSaveDocument, type DocumentKind } from '../api/documents';
import type { ApiError } from '../api/errors';
import { useOpenDocument, usePrintDocument } from '../api/printing';
import { inDesktopWindow } from '../shell/download';
import { PrintErrorAlert } from '../shell/PrintErrorAlert';

/**
 * An order's documents: each saved as PDF (telling where it went), sent to
 * this workstation's printer for it, and in the desktop window opened in
 * the system's PDF viewer. A print that finds no printer says so with a
 * way to Settings → Printers.
 */
export function DocumentButtons({ orderId, kinds, size = 'sm' }: { orderId: string; kinds: readonly DocumentKind[]; size?: 'xs' | 'sm' | 'md' }) {
  const save = useSaveDocument();
  const print = usePrintDocument();
  const open = useOpenDocument();
  const [printError, setPrintError] = useState<{ kind: DocumentKind; err: ApiError } | null>(null);
  const desktop = inDesktopWindow();
  const busy = save.isPending || print.isPending || open.isPending;
  return (
    <Stack gap="xs">
      <Group gap="xs" role="group" aria-label="Documents">
        {kinds.map((kind) => {
          const label = DOCUMENT_LABELS[kind];
          const lower = label.toLowerCase();
          return (
            <Button.Group key={kind}>
              <Button
                size={size}
                variant="default"
                loading={save.isPending && save.variables?.kind === kind}
                disabled={busy}
                onClick={() =>
                  save.mutate(
                    { kind, orderId },
                    {
                      onSuccess: (where) => {
                        if (where) notifications.show({ color: 'green', message: `${label} saved: ${where}` });
                      },
                      onError: (err) => notifications.show({ color: 'red', title: `${label} not saved`, message: err.message }),
                    },
                  )
                }
              >
                {label} (PDF)
              </Button>
              <Button
                size={size}
                variant="default"
                aria-label={`Print ${lower}`}
                loading={print.isPending && print.variables?.kind === kind}
                disabled={busy}
                onClick={() => {
                  setPrintError(null);
                  print.mutate(
                    { kind, orderId },
                    {
                      onSuccess: (where) => notifications.show({ color: 'green', title: `${label} printed`, message: where }),
                      onError: (err) => setPrintError({ kind, err }),
                    },
                  );
                }}
              >
                Print
              </Button>
              {desktop && (
                <Button
                  size={size}
                  variant="default"
                  aria-label={`Open ${lower}`}
                  loading={open.isPending && open.variables?.kind === kind}
                  disabled={busy}
                  onClick={() =>
                    open.mutate(
                      { kind, orderId },
                      { onError: (err) => notifications.show({ color: 'red', title: `${label} not opened`, message: err.message }) },
                    )
                  }
                >
                  Open
                </Button>
              )}
            </Button.Group>
          );
        })}
      </Group>
      {printError && (
        <PrintErrorAlert
          title={`${DOCUMENT_LABELS[printError.kind]} not printed`}
          err={printError.err}
          onClose={() => setPrintError(null)}
        />
      )}
    </Stack>
  );
}

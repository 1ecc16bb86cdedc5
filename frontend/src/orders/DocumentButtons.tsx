import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DOCUMENT_LABELS, useSaveDocument, type DocumentKind } from '../api/documents';

/** Buttons that save an order's documents as PDF, each telling where it went. */
export function DocumentButtons({ orderId, kinds, size = 'sm' }: { orderId: string; kinds: readonly DocumentKind[]; size?: 'xs' | 'sm' | 'md' }) {
  const save = useSaveDocument();
  return (
    <Group gap="xs" role="group" aria-label="Documents">
      {kinds.map((kind) => (
        <Button
          key={kind}
          size={size}
          variant="default"
          loading={save.isPending && save.variables?.kind === kind}
          disabled={save.isPending}
          onClick={() =>
            save.mutate(
              { kind, orderId },
              {
                onSuccess: (where) => {
                  if (where) notifications.show({ color: 'green', message: `${DOCUMENT_LABELS[kind]} saved: ${where}` });
                },
                onError: (err) => notifications.show({ color: 'red', title: `${DOCUMENT_LABELS[kind]} not saved`, message: err.message }),
              },
            )
          }
        >
          {DOCUMENT_LABELS[kind]} (PDF)
        </Button>
      ))}
    </Group>
  );
}

import { Alert, Button, Stack } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { ApiError } from '../api/errors';
import { isNoPrinterError } from '../api/printing';

/**
 * Why a document did not print. When this workstation has no printer for
 * it, the alert is a warning with the way to Settings → Printers; any other
 * failure is an error with the backend's sentence.
 */
export function PrintErrorAlert({ title, err, onClose }: { title: string; err: ApiError; onClose: () => void }) {
  const navigate = useNavigate();
  const noPrinter = isNoPrinterError(err);
  return (
    <Alert color={noPrinter ? 'yellow' : 'red'} role="alert" title={title} withCloseButton closeButtonLabel="Dismiss" onClose={onClose}>
      <Stack gap="xs" align="flex-start">
        {err.message}
        {noPrinter && (
          <Button size="xs" variant="light" onClick={() => void navigate('/settings#printers')}>
            Set up printers
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

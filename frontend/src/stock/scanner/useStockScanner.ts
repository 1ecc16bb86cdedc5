import { useCallback } from 'react';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { productByBarcode } from '../../api/catalog';
import { toApiError } from '../../api/errors';
import { useBarcodeScanner } from './useBarcodeScanner';

/** In the Stock area, a barcode scanned outside any text field opens that product's page. */
export function useStockScanner(): void {
  const navigate = useNavigate();
  const onScan = useCallback(
    (code: string) => {
      productByBarcode(code).then(
        (p) => {
          if (p) void navigate(`/stock/products/${p.id}`);
          else notifications.show({ color: 'red', title: 'Unknown barcode', message: `No product has the barcode ${code}.` });
        },
        (err: unknown) => notifications.show({ color: 'red', message: toApiError(err).message }),
      );
    },
    [navigate],
  );
  useBarcodeScanner(onScan);
}

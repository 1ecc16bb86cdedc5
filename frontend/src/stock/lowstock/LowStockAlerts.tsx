import { useCallback } from 'react';
import { Anchor, Badge, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { useLowStockCount, useLowStockEvents, type LowStockEvent } from '../../api/stock';
import { lowStockBadgeLabel, lowStockMessages } from './lowStockText';

/** The path of the low-stock list. */
export const LOW_STOCK_PATH = '/stock/low';

/**
 * Shows a notification, with a link to the low-stock list, when an operation
 * takes products below their reorder point. Mounted once, in the shell, for
 * users who see the Stock area.
 */
export function useLowStockAlerts(enabled: boolean): void {
  const navigate = useNavigate();
  const onEvent = useCallback(
    (e: LowStockEvent) => {
      for (const message of lowStockMessages(e.newlyLow ?? [])) {
        notifications.show({
          color: 'orange',
          autoClose: 10_000,
          message: (
            <Stack gap={2}>
              <Text size="sm">{message}</Text>
              <Anchor
                component="button"
                type="button"
                size="sm"
                style={{ alignSelf: 'flex-start' }}
                onClick={() => {
                  notifications.clean();
                  void navigate(LOW_STOCK_PATH);
                }}
              >
                Show low stock
              </Anchor>
            </Stack>
          ),
        });
      }
    },
    [navigate],
  );
  useLowStockEvents(enabled, onEvent);
}

/** The count of low-stock lines beside the Stock navigation entry; nothing when there are none. */
export function LowStockBadge() {
  const count = useLowStockCount();
  const n = count.data ?? 0;
  if (n <= 0) return null;
  return (
    <Badge color="orange" size="sm" circle={n < 10} aria-label={lowStockBadgeLabel(n)} title={lowStockBadgeLabel(n)}>
      {n}
    </Badge>
  );
}

import { Alert, Paper, Radio, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { toApiError } from '../../api/errors';
import { useCatalogSettings, useSetPricesIncludeTax, useSetTaxMode } from '../../api/pricing';

/** The company-wide setting whether the prices entered include tax. */
export function PricesIncludeTaxSection({ canManage }: { canManage: boolean }) {
  const settings = useCatalogSettings();
  const set = useSetPricesIncludeTax();
  const include = set.isPending ? (set.variables ?? false) : (settings.data?.pricesIncludeTax ?? false);
  const setMode = useSetTaxMode();
  const mode = setMode.isPending ? (setMode.variables ?? 'line') : (settings.data?.taxMode ?? 'line');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tax-setting-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="tax-setting-title">
          Tax
        </Title>
        {(settings.isError || set.isError || setMode.isError) && (
          <Alert color="red" role="alert">
            {toApiError(settings.error ?? set.error ?? setMode.error).message}
          </Alert>
        )}
        <Switch
          label="Prices include tax"
          description={
            include
              ? 'On: product and price list prices are gross. Tax is the part of the price already in it, and the customer pays the price as shown.'
              : 'Off: product and price list prices are net. Tax is added on top of them.'
          }
          checked={include}
          disabled={!canManage || settings.isPending || set.isPending}
          onChange={(e) => {
            const next = e.currentTarget.checked;
            set.mutate(next, {
              onSuccess: (s) =>
                notifications.show({
                  color: 'green',
                  message: s.pricesIncludeTax ? 'Prices now include tax.' : 'Prices now exclude tax.',
                }),
            });
          }}
        />
        <Radio.Group
          label="Tax on orders"
          description="Orders keep the way they were computed when they were taken; the change applies to new orders."
          value={mode}
          onChange={(next) =>
            setMode.mutate(next, {
              onSuccess: () => notifications.show({ color: 'green', message: 'New orders use the new tax computation.' }),
            })
          }
        >
          <Stack gap="xs" mt="xs">
            <Radio
              value="line"
              label="Per line, then summed"
              description="Each line's tax is rounded on its own; the order's tax is their sum."
              disabled={!canManage || settings.isPending || setMode.isPending}
            />
            <Radio
              value="total"
              label="Per rate on the total"
              description="The tax of each rate is computed once on the sum of its lines and shipping, as many invoices require."
              disabled={!canManage || settings.isPending || setMode.isPending}
            />
          </Stack>
        </Radio.Group>
        {!canManage && (
          <Text size="xs" c="dimmed">
            Only people who manage stock can change this.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

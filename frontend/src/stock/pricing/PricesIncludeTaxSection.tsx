import { Alert, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { toApiError } from '../../api/errors';
import { useCatalogSettings, useSetPricesIncludeTax } from '../../api/pricing';

/** The company-wide setting whether the prices entered include tax. */
export function PricesIncludeTaxSection({ canManage }: { canManage: boolean }) {
  const settings = useCatalogSettings();
  const set = useSetPricesIncludeTax();
  const include = set.isPending ? (set.variables ?? false) : (settings.data?.pricesIncludeTax ?? false);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tax-setting-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="tax-setting-title">
          Tax in prices
        </Title>
        {(settings.isError || set.isError) && (
          <Alert color="red" role="alert">
            {toApiError(settings.error ?? set.error).message}
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
        {!canManage && (
          <Text size="xs" c="dimmed">
            Only people who manage stock can change this.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

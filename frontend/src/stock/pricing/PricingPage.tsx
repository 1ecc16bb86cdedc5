import { Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '../../shell/PageTitle';
import { PriceListsSection } from './PriceListsSection';
import { PricesIncludeTaxSection } from './PricesIncludeTaxSection';
import { TaxClassesSection } from './TaxClassesSection';

/** Stock › Pricing: tax classes, whether prices include tax, and the price lists of customer groups. */
export function PricingPage({ canManage }: { canManage: boolean }) {
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageTitle>Pricing</PageTitle>
        <Button component={Link} to="/stock" variant="default">
          Back to products
        </Button>
      </Group>
      {!canManage && (
        <Text size="sm" c="dimmed">
          You can look at prices and tax classes; changing them needs the permission to manage stock.
        </Text>
      )}
      <TaxClassesSection canManage={canManage} />
      <PricesIncludeTaxSection canManage={canManage} />
      <PriceListsSection canManage={canManage} />
    </Stack>
  );
}

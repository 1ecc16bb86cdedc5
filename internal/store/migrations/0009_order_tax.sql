-- Tax modes, discount amounts and taxed shipping (internal/order totals.go).
--
-- catalog_settings.tax_mode chooses how an order's tax is computed: 'line'
-- (each line's tax, summed) or 'total' (the tax of each rate's sum, spread
-- back over the lines). An order keeps the mode it was created with, like
-- prices_include_tax, so changing the setting never changes an order.
ALTER TABLE catalog_settings ADD COLUMN tax_mode TEXT NOT NULL DEFAULT 'line' CHECK (tax_mode IN ('line', 'total'));
ALTER TABLE orders ADD COLUMN tax_mode TEXT NOT NULL DEFAULT 'line' CHECK (tax_mode IN ('line', 'total'));

-- The tax contained in (or added to) the shipping charge: shipping is taxed
-- at the highest rate of the order's lines. net_total and tax_total include
-- the shipping's net and tax; total includes the shipping with its tax.
ALTER TABLE orders ADD COLUMN shipping_tax INTEGER NOT NULL DEFAULT 0;

-- A line's own discount as an amount (minor units, as priced), taken after
-- its percentage discount and before the order's; never more than the line.
ALTER TABLE order_lines ADD COLUMN discount_amount INTEGER NOT NULL DEFAULT 0 CHECK (discount_amount >= 0);

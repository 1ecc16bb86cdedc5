import { fetchProductPage, productByBarcode, type Product } from '../api/catalog';

/** The product a scanned or typed code names: by barcode, else by exact SKU. Null when none. */
export async function resolveProduct(code: string): Promise<Product | null> {
  const text = code.trim();
  if (!text) return null;
  const byBarcode = await productByBarcode(text);
  if (byBarcode) return byBarcode;
  const page = await fetchProductPage({ query: text, activeOnly: false, lowStock: false, limit: 5, offset: 0 });
  return page.items.find((p) => p.sku.toLowerCase() === text.toLowerCase()) ?? null;
}

/**
 * Runs scan handlers one after another, in the order the scanner sent them,
 * while the scan field is already cleared for the next code.
 */
export function createScanQueue() {
  let tail: Promise<void> = Promise.resolve();
  return (task: () => Promise<void>) => {
    tail = tail.then(task, task);
    return tail;
  };
}
